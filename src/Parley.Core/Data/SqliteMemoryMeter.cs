using System.Diagnostics.Metrics;

namespace Parley.Core.Data;

/// <summary>
/// SQLite's own memory (page caches, statements, sorts), which the .NET counters cannot see because SQLite
/// allocates it natively. Read it with <c>dotnet-counters monitor -p PID System.Runtime Parley.Sqlite</c>.
/// </summary>
public static class SqliteMemoryMeter
{
    public const string Name = "Parley.Sqlite";
    private static readonly Meter Meter = new(Name);

    static SqliteMemoryMeter()
    {
        Meter.CreateObservableGauge("parley.sqlite.memory.used", () => SQLitePCL.raw.sqlite3_memory_used(), "By",
            "Bytes SQLite has allocated now, over all connections.");
        Meter.CreateObservableGauge("parley.sqlite.memory.highwater", () => SQLitePCL.raw.sqlite3_memory_highwater(0), "By",
            "The most bytes SQLite has had allocated at once since the process started.");
    }

    /// <summary>Publishes the gauges (once; later calls do nothing).</summary>
    public static void Start() => _ = Meter;
}
