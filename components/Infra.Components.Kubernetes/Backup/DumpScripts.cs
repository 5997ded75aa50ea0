using Infra.Components.Data.InCluster;

namespace Infra.Components.Kubernetes;

/// <summary>
/// The dump container of each engine: its default image, file extension, the environment its tool reads and its shell.
/// Every value comes from the environment (set from args and Secrets), so nothing user-given is pasted into a script;
/// passwords reach the tools through environment variables or a private file, never the command line.
/// </summary>
internal static class DumpScripts
{
    public const string DumpFile = "/backup/dump";

    /// <summary>The UTC time of the dump, written once so that every destination stores the same object name.</summary>
    public const string StampFile = "/backup/stamp";

    /// <summary>Where the database's CA certificate is mounted (the ca.crt item of <see cref="DatabaseBackupArgs.DatabaseCaSecret"/>).</summary>
    public const string CaDirectory = "/etc/database-ca";

    public const string CaFile = CaDirectory + "/ca.crt";

    private const string Start =
        "set -eu\n" +
        "date -u +%Y-%m-%dT%H%M%SZ > " + StampFile + "\n";

    /// <summary>Turns a value into the inside of a YAML single-quoted scalar (a quote is written twice).</summary>
    private const string YamlQuote = "yaml_quote() { printf '%s' \"$1\" | sed \"s/'/''/g\"; }\n";

    /// <summary>Runs a command into gzip; sh has no pipefail, so a failing command leaves a mark that fails the script.</summary>
    private const string Compress = "compress() { { \"$@\" || touch /tmp/dump-failed; } | gzip; [ ! -e /tmp/dump-failed ]; }\n";

    public static string DefaultImage(DatabaseEngine engine) => engine switch
    {
        DatabaseEngine.MySql => "mysql:8.4.6",
        DatabaseEngine.Mongo => PinnedCharts.MongoImages["8.0"],
        DatabaseEngine.ClickHouse => PinnedCharts.ClickHouseImages["25.8"],
        _ => "postgres:17.6",
    };

    public static string Extension(DatabaseEngine engine) => engine switch
    {
        DatabaseEngine.MySql => "sql.gz",
        DatabaseEngine.Mongo => "archive.gz",
        DatabaseEngine.ClickHouse => "tar",
        _ => "dump",
    };

    /// <summary>The environment variable the password is given in: the tool's own one, or DB_PASSWORD for a script to write into a config file.</summary>
    public static string PasswordVariable(DatabaseEngine engine) => engine switch
    {
        DatabaseEngine.Postgres => "PGPASSWORD",
        _ => "DB_PASSWORD",
    };

    /// <summary>Fixed settings the tool reads from its environment (libpq's TLS mode and root certificate).</summary>
    public static IEnumerable<(string Name, string Value)> ToolEnvironment(DatabaseEngine engine, bool verifyCa) => engine switch
    {
        DatabaseEngine.Postgres when verifyCa => [("PGSSLMODE", "verify-full"), ("PGSSLROOTCERT", CaFile)],
        DatabaseEngine.Postgres => [("PGSSLMODE", "require")],
        _ => [],
    };

    public static string Script(DatabaseEngine engine, bool verifyCa) => engine switch
    {
        DatabaseEngine.MySql => MySql(verifyCa),
        DatabaseEngine.Mongo => Mongo(verifyCa),
        DatabaseEngine.ClickHouse => ClickHouse(verifyCa),
        _ => Postgres(),
    };

    // TLS mode and root certificate come from PGSSLMODE and PGSSLROOTCERT.
    private static string Postgres() =>
        Start +
        $"pg_dump --format=custom --no-owner --host=\"$DB_HOST\" --port=\"$DB_PORT\" --username=\"$DB_USER\" --dbname=\"$DB_NAME\" --file={DumpFile}\n";

    /// <summary>
    /// mysqldump reads the password from a private option file (MYSQL_PWD is deprecated, --password shows in the
    /// process list); option-file values are double-quoted with backslash escapes.
    /// </summary>
    private static string MySql(bool verifyCa) =>
        Start +
        "umask 077\n" +
        Compress +
        "config=/tmp/mysqldump.cnf\n" +
        "trap 'rm -f \"$config\"' EXIT\n" +
        "printf '[client]\\npassword=\"%s\"\\n' \"$(printf '%s' \"$DB_PASSWORD\" | sed 's/\\\\/\\\\\\\\/g; s/\"/\\\\\"/g')\" > \"$config\"\n" +
        "compress mysqldump --defaults-extra-file=\"$config\" --single-transaction --routines --triggers " +
        (verifyCa ? $"--ssl-mode=VERIFY_IDENTITY --ssl-ca={CaFile}" : "--ssl-mode=REQUIRED") +
        " --host=\"$DB_HOST\" --port=\"$DB_PORT\" --user=\"$DB_USER\" \"$DB_NAME\"" +
        $" > {DumpFile}\n";

    /// <summary>
    /// The application user authenticates against the application database itself. mongodump reads the password from a
    /// --config YAML file (private to the container's /tmp), because its --password would show in the process list.
    /// </summary>
    private static string Mongo(bool verifyCa) =>
        Start +
        "umask 077\n" +
        YamlQuote +
        "config=/tmp/mongodump.yaml\n" +
        "trap 'rm -f \"$config\"' EXIT\n" +
        "printf \"password: '%s'\\n\" \"$(yaml_quote \"$DB_PASSWORD\")\" > \"$config\"\n" +
        "mongodump --config=\"$config\" --host=\"$DB_HOST\" --port=\"$DB_PORT\" --username=\"$DB_USER\" --authenticationDatabase=\"$DB_NAME\" " +
        "--db=\"$DB_NAME\" --tls" + (verifyCa ? $" --tlsCAFile={CaFile}" : "") + $" --archive={DumpFile} --gzip\n";

    /// <summary>
    /// clickhouse-client reads user, password and TLS settings from a private YAML config file. Names travel as query
    /// parameters ({db:String}, {db:Identifier}.{table:Identifier}), in the TSV-escaped form ClickHouse writes and reads them in.
    /// </summary>
    private static string ClickHouse(bool verifyCa) =>
        Start +
        "umask 077\n" +
        YamlQuote +
        Compress +
        "config=/tmp/clickhouse-client.yaml\n" +
        "work=/backup/export\n" +
        "trap 'rm -f \"$config\"' EXIT\n" +
        "{\n" +
        "  printf \"user: '%s'\\n\" \"$(yaml_quote \"$DB_USER\")\"\n" +
        "  printf \"password: '%s'\\n\" \"$(yaml_quote \"$DB_PASSWORD\")\"\n" +
        "  printf 'secure: true\\n'\n" +
        "  printf 'openSSL:\\n  client:\\n    verificationMode: strict\\n    extendedVerification: true\\n'\n" +
        (verifyCa ? $"  printf '    caConfig: {CaFile}\\n    loadDefaultCAFile: false\\n'\n" : "  printf '    loadDefaultCAFile: true\\n'\n") +
        "  printf '    invalidCertificateHandler:\\n      name: RejectCertificateHandler\\n'\n" +
        "} > \"$config\"\n" +
        "ch() { clickhouse-client --config-file=\"$config\" --secure --host=\"$DB_HOST\" --port=\"$DB_PORT\" --param_db=\"$DB_NAME\" \"$@\"; }\n" +
        "rm -rf \"$work\"\n" +
        "mkdir -p \"$work/data\"\n" +
        "# Tables first, then dictionaries, then views: each is created after what it reads from.\n" +
        "ch --query \"SELECT create_table_query || ';' FROM system.tables WHERE database = {db:String} AND NOT is_temporary" +
        " AND NOT startsWith(name, '.inner') ORDER BY multiIf(engine = 'Dictionary', 1, engine LIKE '%View', 2, 0), name FORMAT TSVRaw\" > \"$work/schema.sql\"\n" +
        "ch --query \"SELECT name FROM system.tables WHERE database = {db:String} AND has_own_data AND NOT is_temporary" +
        " AND NOT startsWith(name, '.inner') ORDER BY name FORMAT TSV\" > \"$work/names\"\n" +
        "i=0\n" +
        ": > \"$work/tables.tsv\"\n" +
        "while IFS= read -r table; do\n" +
        "  i=$((i + 1))\n" +
        "  compress ch --param_table=\"$table\" --query \"SELECT * FROM {db:Identifier}.{table:Identifier} FORMAT Native\" > \"$work/data/$i.native.gz\"\n" +
        "  printf '%s\\t%s\\n' \"data/$i.native.gz\" \"$table\" >> \"$work/tables.tsv\"\n" +
        "done < \"$work/names\"\n" +
        "rm \"$work/names\"\n" +
        $"tar -C \"$work\" -cf {DumpFile} schema.sql tables.tsv data\n" +
        "rm -rf \"$work\"\n";
}
