using Npgsql;
using Xunit;

namespace Parley.Testing;

/// <summary>
/// The PostgreSQL server the test command starts (<c>PARLEY_TEST_POSTGRES</c>). Each test database
/// is created fresh and dropped afterwards. Without the server, PostgreSQL tests are skipped with a
/// message locally, and fail under CI, where a skipped half of the suite would hide a regression.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "PARLEY_TEST_POSTGRES";

    public static string ServerConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            if (!string.IsNullOrWhiteSpace(value)) return value;
            const string message = $"PostgreSQL tests need a server: run ./test.sh, or set {Variable} to a connection string of a server where databases may be created.";
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException(message);
            Assert.Skip(message);
            return "";
        }
    }

    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "parley_test_" + Guid.NewGuid().ToString("N")[..16];
        await using var conn = new NpgsqlConnection(ServerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ToString();
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(ServerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
