using Xunit;

namespace Parley.Testing;

/// <summary>
/// The Redis server the test command starts (<c>PARLEY_TEST_REDIS</c>, <c>host:port</c>), which several Parley
/// processes of one site share. As with PostgreSQL, tests are skipped with a message locally without it, and fail
/// under CI.
/// </summary>
public static class TestRedis
{
    public const string Variable = "PARLEY_TEST_REDIS";

    public static string Address
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            if (!string.IsNullOrWhiteSpace(value)) return value;
            const string message = $"Redis tests need a server: run ./test.sh, or set {Variable} to host:port of a Redis server.";
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException(message);
            Assert.Skip(message);
            return "";
        }
    }
}
