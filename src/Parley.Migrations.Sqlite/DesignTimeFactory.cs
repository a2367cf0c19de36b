using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Parley.Core.Data;

namespace Parley.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQLite without starting the app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ParleyDbContext>
{
    public ParleyDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ParleyDbContext>();
        options.Use(DatabaseProvider.Sqlite, "Data Source=design.db");
        return new ParleyDbContext(options.Options);
    }
}
