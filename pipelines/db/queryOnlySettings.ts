/**
 * DuckDB settings for an instance that runs a user's SQL (`xiaowei query`): with the read-only open they keep the
 * SQL inside the warehouse. External access off refuses COPY … TO, EXPORT DATABASE, ATTACH and reading other files;
 * no extension is installed or loaded on demand; and the configuration is locked last, so no SET turns any of this
 * back on (DuckDB "Securing DuckDB"). The warehouse file itself stays readable: it is the database opened.
 */
export const QUERY_ONLY_SETTINGS: Record<string, string> = {
  enable_external_access: 'false',
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
  lock_configuration: 'true',
};
