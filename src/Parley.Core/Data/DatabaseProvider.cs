using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Parley.Core.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Points a DbContext at the chosen database and at that provider's migration set.</summary>
public static class ParleyDatabase
{
    public const string SqliteMigrations = "Parley.Migrations.Sqlite";
    public const string PostgresMigrations = "Parley.Migrations.Postgres";
    private static readonly SqliteBusyTimeout BusyTimeout = new();

    public static DbContextOptionsBuilder Use(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations)).AddInterceptors(BusyTimeout),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrations)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };

    /// <summary>The default connection string: one SQLite file in the data folder.</summary>
    public static string SqliteFile(string dataPath) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataPath, "parley.db"),
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        // Writers wait for each other instead of failing with SQLITE_BUSY.
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Creates or upgrades the schema. SQLite is switched to WAL so readers never wait for a writer.</summary>
    public static async Task MigrateAsync(ParleyDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
                await CreateHistoryTableAsync(db, ct);
                await db.Database.MigrateAsync(ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
            return;
        }
        await CreateHistoryTableAsync(db, ct);
        await db.Database.MigrateAsync(ct);
    }

    // Without it, EF reads the history table of an empty database first and logs that failure as an
    // error, which looks alarming on every first start.
    private static Task CreateHistoryTableAsync(ParleyDbContext db, CancellationToken ct) =>
        db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
}
