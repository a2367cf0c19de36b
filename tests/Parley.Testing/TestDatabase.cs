using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Parley.Core;
using Parley.Core.Accounts;
using Parley.Core.Data;

namespace Parley.Testing;

/// <summary>
/// A real, empty, migrated database for one test: an SQLite file in a temp folder, or a new
/// PostgreSQL database. <see cref="Services"/> holds Parley's core services wired to it, with a fake clock.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
    public ServiceProvider Services { get; }
    private readonly string? _folder;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? folder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddDbContext<ParleyDbContext>(o => o.Use(provider, connectionString));
        services.AddParleyCore();
        // Staff accounts (the importer makes authors) go through Identity, as in the app.
        services.AddIdentityCore<ParleyUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<ParleyDbContext>();
        Services = services.BuildServiceProvider();
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        TestDatabase db;
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = TestFolders.Create("db");
            db = new TestDatabase(provider, ParleyDatabase.SqliteFile(folder), folder);
        }
        else
        {
            db = new TestDatabase(provider, await TestPostgres.CreateDatabaseAsync(), null);
        }
        if (migrate)
        {
            await using var context = db.NewContext();
            await ParleyDatabase.MigrateAsync(context);
        }
        return db;
    }

    public ParleyDbContext NewContext() => Services.GetRequiredService<IServiceScopeFactory>().CreateScope()
        .ServiceProvider.GetRequiredService<ParleyDbContext>();

    /// <summary>Runs <paramref name="work"/> with a fresh scope, as one request would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) => InScopeAsync(async sp => { await work(sp); return 0; });

    /// <summary>Adds a staff user directly (no password) and returns its id.</summary>
    public async Task<string> AddAuthorAsync(string name = "Ada Writer")
    {
        await using var db = NewContext();
        var user = new ParleyUser
        {
            UserName = name.Replace(' ', '.').ToLowerInvariant() + "@example.com",
            Email = name.Replace(' ', '.').ToLowerInvariant() + "@example.com",
            DisplayName = name, Slug = Parley.Core.Posts.Slugs.FromText(name), CreatedAt = Clock.GetUtcNow().UtcDateTime,
        };
        user.NormalizedEmail = user.Email.ToUpperInvariant();
        user.NormalizedUserName = user.UserName.ToUpperInvariant();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (Provider == DatabaseProvider.Postgres) await TestPostgres.DropDatabaseAsync(ConnectionString);
        else
        {
            SqliteConnection.ClearAllPools();
            TestFolders.Delete(_folder);
        }
    }
}
