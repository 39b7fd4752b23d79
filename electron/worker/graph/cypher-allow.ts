/**
 * What user Cypher may use, as allow-lists: anything not listed is refused. Both layers of the
 * read-only check read from here — the token guard (cypher-guard.ts) and the engine's plan check
 * (cypher-engine-check.ts) — but each decides on its own input (tokens vs. Kùzu's own plan).
 *
 * Measured on Kùzu 0.11.3 with `CALL show_functions() RETURN *`: its table functions include
 * READ_CSV_*, READ_PARQUET, READ_NPY, JSON_SCAN and FILE_INFO (they read arbitrary files),
 * CURRENT_SETTING (reveals home_directory and file_search_path), and the FTS / vector / graph
 * algorithm functions; no scalar or aggregate function reads a file or a setting. So:
 * - CALL may name only the table functions below, which describe this database and nothing else;
 * - a scalar/aggregate function is allowed when it is on SCALAR_FUNCTIONS (0.11.3's list minus
 *   NEXTVAL, which advances a sequence, COPY_JSON, an internal helper of COPY, and RANGE, REPEAT,
 *   LPAD and RPAD, which build a value of any size from a small query: `RETURN range(1, 1e8)` ran a
 *   worker out of memory before the result cap could apply; the lambda functions LIST_REDUCE,
 *   LIST_TRANSFORM and LIST_FILTER, because 0.11.3 mistypes a lambda whose result type differs
 *   from the list's — `list_reduce([1,2], (a, x) -> concat(a, a))` returned raw memory as an
 *   integer and ten elements crashed the worker (red team); and LEVENSHTEIN, one scalar call
 *   the engine cannot interrupt (quadratic: two 128k-character strings held a worker past
 *   the timeout for 68 s)). An allow-list
 *   rather than a deny-list, so a function added by a newer engine or an extension is refused
 *   until someone looks at it.
 */

/** Table functions a query may CALL (lower case). */
export const CALLABLE_TABLE_FUNCTIONS: ReadonlySet<string> = new Set(['show_tables', 'table_info', 'show_connection', 'db_version', 'show_functions']);

/** Scalar, aggregate and rewrite functions of Kùzu 0.11.3 that only compute over their arguments (lower case). */
export const SCALAR_FUNCTIONS: ReadonlySet<string> = new Set(
  `abs acos all any array_append array_cat array_concat array_contains array_cosine_similarity array_cross_product
  array_distance array_dot_product array_extract array_has array_indexof array_inner_product array_position
  array_prepend array_push_back array_push_front array_slice array_squared_distance array_to_json array_value asin atan
  atan2 avg bitshift_left bitshift_right bitwise_and bitwise_or bitwise_xor blob cardinality cast cast_to_json cbrt
  ceil ceiling century coalesce collect concat concat_ws constant_or_null contains cos cost cot count
  count_if count_star current_date current_timestamp currval date date_part date_trunc datepart datetrunc dayname
  decode degrees duration element_at encode end_node ends_with epoch_ms equals error even factorial floor gamma
  gen_random_uuid greater_than greater_than_equals greatest hash id ifnull initcap internal_id interval is_acyclic
  is_trail json json_array json_array_length json_contains json_extract json_keys json_merge_patch json_object
  json_quote json_structure json_valid keys label labels last_day lcase least left length less_than less_than_equals
   lgamma list_any_value list_append list_cat list_concat list_contains list_creation list_distinct
  list_element list_extract  list_has list_has_all list_indexof list_position list_prepend list_product
   list_reverse list_reverse_sort list_slice list_sort list_sum list_to_string  list_unique ln
  log log10 log2 lower ltrim make_date map map_extract map_keys map_values max md5 min monthname negate
  nodes none not_equals nullif octet_length offset pi pow prefix properties radians regexp_extract
  regexp_extract_all regexp_full_match regexp_matches regexp_replace regexp_split_to_array relationships rels
  reverse right round row_to_json rtrim sha256 sign sin single size split_part sqrt start_node starts_with stem
  str_split string string_split string_to_array struct_extract struct_pack substr substring suffix sum tan timestamp
  to_blob to_bool to_date to_days to_double to_epoch_ms to_float to_hours to_int128 to_int16 to_int32 to_int64 to_int8
  to_interval to_json to_microseconds to_milliseconds to_minutes to_months to_seconds to_serial to_string to_timestamp
  to_uint16 to_uint32 to_uint64 to_uint8 to_uuid to_years tolower toupper trim typeof ucase union_extract union_tag
  union_value upper uuid`.split(/\s+/),
);

/**
 * Keywords the grammar lets a `(` follow without being a function call: clause and operator
 * words (MATCH (n), WHERE (…), NOT (…), x IN (…)), quantifiers (ALL(x IN …)), CAST/COUNT, the
 * recursive-pattern words (* SHORTEST 1..3 (r, n | …)), join hints, and parameterised type names
 * inside CAST (DECIMAL(10,2), STRUCT(…), MAP(…), UNION(…)).
 */
export const KEYWORDS_BEFORE_PAREN: ReadonlySet<string> = new Set([
  'match', 'where', 'and', 'or', 'xor', 'not', 'return', 'with', 'unwind', 'in', 'when', 'then', 'else', 'case', 'distinct',
  'by', 'skip', 'limit', 'contains', 'all', 'any', 'none', 'single', 'count', 'cast', 'exists', 'wshortest', 'shortest',
  'trail', 'acyclic', 'hint', 'join', 'multi_join', 'decimal', 'struct', 'map', 'union',
]);

/**
 * Words that start a statement or clause that writes, reads files, loads code, or changes the
 * connection. Refused wherever they appear as a bare word (outside strings, comments and
 * backticks), even as a property or variable name — `n.\`set\`` still works.
 */
export const DENIED_KEYWORDS: ReadonlySet<string> = new Set([
  'create', 'merge', 'set', 'delete', 'detach', 'remove', 'drop', 'alter', 'copy', 'load', 'attach', 'use', 'install',
  'uninstall', 'update', 'force', 'export', 'import', 'begin', 'commit', 'rollback', 'checkpoint', 'foreach', 'comment',
  'explain', 'profile',
]);

/** Words a read query may start with. */
export const FIRST_KEYWORDS: ReadonlySet<string> = new Set(['match', 'optional', 'unwind', 'with', 'return', 'call']);

/**
 * Physical operators (as EXPLAIN prints them) a read plan may contain. Absent on purpose:
 * COPY_TO, TABLE_FUNCTION_CALL of a file reader, ATTACH/DETACH/USE_DATABASE, EXPORT/IMPORT_DATABASE,
 * LOAD/INSTALL/UNINSTALL_EXTENSION, STANDALONE_CALL, TRANSACTION, INSERT, MERGE, SET_PROPERTY,
 * DELETE, CREATE_*, DROP, ALTER, BATCH_INSERT, PARTITIONER, INDEX_LOOKUP, PROFILE.
 */
export const READ_PLAN_OPERATORS: ReadonlySet<string> = new Set([
  'AGGREGATE', 'AGGREGATE_FINALIZE', 'AGGREGATE_SCAN', 'CROSS_PRODUCT', 'DUMMY_SINK', 'EMPTY_RESULT', 'FILTER', 'FLATTEN',
  'HASH_JOIN_BUILD', 'HASH_JOIN_PROBE', 'INTERSECT', 'INTERSECT_BUILD', 'LIMIT', 'MULTIPLICITY_REDUCER', 'ORDER_BY',
  'ORDER_BY_MERGE', 'ORDER_BY_SCAN', 'PATH_PROPERTY_PROBE', 'PRIMARY_KEY_SCAN_NODE_TABLE', 'PROJECTION', 'RECURSIVE_EXTEND',
  'RESULT_COLLECTOR', 'SCAN_NODE_TABLE', 'SCAN_REL_TABLE', 'SEMI_MASKER', 'SKIP', 'TABLE_FUNCTION_CALL', 'TOP_K', 'TOP_K_SCAN',
  'UNION_ALL_SCAN', 'UNWIND',
]);

/** Table functions a read plan may run: the callable ones, plus READ_FTABLE (Kùzu's scan of its own intermediate results). */
export const READ_PLAN_FUNCTIONS: ReadonlySet<string> = new Set(['READ_FTABLE', ...[...CALLABLE_TABLE_FUNCTIONS].map((f) => f.toUpperCase())]);
