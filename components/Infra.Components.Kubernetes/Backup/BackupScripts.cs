namespace Infra.Components.Kubernetes;

/// <summary>
/// The shell run by the backup job's containers. Every value comes from the environment (set from args and
/// Secrets), so nothing secret or user-given is pasted into a script.
/// </summary>
internal static class BackupScripts
{
    public const string DumpFile = "/backup/dump";

    public static string DefaultDumpImage(DatabaseEngine engine) => engine switch
    {
        DatabaseEngine.MySql => "mysql:8.4.6",
        _ => "postgres:17.6",
    };

    /// <summary>Environment variable holding the password for the dump tool.</summary>
    public static string PasswordVariable(DatabaseEngine engine) => engine == DatabaseEngine.MySql ? "MYSQL_PWD" : "PGPASSWORD";

    public static string Dump(DatabaseEngine engine) => engine switch
    {
        DatabaseEngine.MySql =>
            "set -eu\n" +
            "mysqldump --single-transaction --routines --triggers --host=\"$DB_HOST\" --port=\"$DB_PORT\" --user=\"$DB_USER\" \"$DB_NAME\"" +
            $" | gzip > {DumpFile}\n",
        _ =>
            "set -eu\n" +
            $"pg_dump --format=custom --no-owner --host=\"$DB_HOST\" --port=\"$DB_PORT\" --username=\"$DB_USER\" --dbname=\"$DB_NAME\" --file={DumpFile}\n",
    };

    /// <summary>Uploads the dump to each destination, then deletes that destination's dumps older than the retention.</summary>
    public static string Upload(bool secondary)
    {
        var script =
            "set -eu\n" +
            "stamp=$(date -u +%Y-%m-%dT%H%M%SZ)\n" +
            "copy() {\n" +
            "  # $1: variable prefix of one destination (PRIMARY or SECONDARY)\n" +
            "  eval \"bucket=\\$${1}_BUCKET endpoint=\\$${1}_ENDPOINT prefix=\\$${1}_PREFIX\"\n" +
            "  eval \"export AWS_ACCESS_KEY_ID=\\$${1}_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY=\\$${1}_SECRET_ACCESS_KEY AWS_DEFAULT_REGION=\\$${1}_REGION\"\n" +
            "  folder=\"${prefix}${DB_NAME}/\"\n" +
            "  aws s3 cp " + DumpFile + " \"s3://${bucket}/${folder}${DB_NAME}-${stamp}.${EXTENSION}\" --endpoint-url \"$endpoint\" --only-show-errors\n" +
            "  cutoff=$(date -u -d \"-${RETENTION_DAYS} days\" +%Y-%m-%dT%H:%M:%S)\n" +
            "  aws s3api list-objects-v2 --bucket \"$bucket\" --prefix \"$folder\" --endpoint-url \"$endpoint\" \\\n" +
            "    --query \"Contents[?LastModified<'${cutoff}'].Key\" --output text | tr '\\t' '\\n' | while read -r old; do\n" +
            "    if [ -n \"$old\" ] && [ \"$old\" != None ]; then\n" +
            "      aws s3 rm \"s3://${bucket}/${old}\" --endpoint-url \"$endpoint\" --only-show-errors\n" +
            "    fi\n" +
            "  done\n" +
            "}\n" +
            "copy PRIMARY\n";
        return secondary ? script + "copy SECONDARY\n" : script;
    }
}
