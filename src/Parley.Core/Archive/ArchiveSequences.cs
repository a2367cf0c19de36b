using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Parley.Core.Archive;

/// <summary>
/// After rows went in with their own ids, PostgreSQL's identity sequences still start at 1: the next
/// post would collide with post 1. Each is moved past the largest id. (SQLite's AUTOINCREMENT keeps up by itself.)
/// </summary>
internal static class ArchiveSequences
{
    public static async Task ResetAsync(DbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return;
        foreach (var section in ArchiveSections.Included)
        {
            var type = section.EntityType(db.Model);
            if (type.FindPrimaryKey()?.Properties is not [var key] || key.ValueGenerated != ValueGenerated.OnAdd
                || (key.ClrType != typeof(int) && key.ClrType != typeof(long))) continue;
            var table = type.GetTableName()!;
            var schema = type.GetSchema();
            var column = key.GetColumnName(StoreObjectIdentifier.Table(table, schema))!;
            var qualified = schema is null ? Quote(table) : Quote(schema) + "." + Quote(table);
            // Names come from the model, never from the archive.
            var sql = string.Concat("SELECT setval(pg_get_serial_sequence('", qualified.Replace("'", "''", StringComparison.Ordinal), "', '", column,
                "'), COALESCE(MAX(", Quote(column), "), 0) + 1, false) FROM ", qualified);
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
