using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Data.Tests.Data;

public sealed class MigrationTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Each_providers_migrations_match_the_model(DatabaseProvider provider)
    {
        // Fails when someone changes an entity without adding a migration for this provider.
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var context = db.NewContext();
        Assert.False(context.Database.HasPendingModelChanges(),
            $"The {provider} migrations lag behind the model: run dotnet ef migrations add for src/Parley.Migrations.{provider}.");
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Migrating_an_empty_database_applies_everything_and_a_second_run_changes_nothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.NewContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await context.Database.GetAppliedMigrationsAsync());
        await ParleyDatabase.MigrateAsync(context);
        Assert.Equal(0, await context.Posts.CountAsync());
    }

    [Fact]
    public async Task Sqlite_runs_in_write_ahead_log_mode()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var context = db.NewContext();
        var mode = await context.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal("wal", Assert.Single(mode));
    }
}
