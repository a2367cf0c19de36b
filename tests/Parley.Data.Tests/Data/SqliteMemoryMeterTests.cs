using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Data.Tests.Data;

/// <summary>The SQLite memory gauges an operator reads with dotnet-counters.</summary>
public sealed class SqliteMemoryMeterTests
{
    [Fact]
    public async Task The_gauges_report_what_SQLite_has_allocated()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var context = db.NewContext();
        await context.Posts.CountAsync(); // SQLite has opened the file and holds pages of it
        SqliteMemoryMeter.Start();

        var seen = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SqliteMemoryMeter.Name) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => seen[instrument.Name] = value);
        listener.Start();
        listener.RecordObservableInstruments();

        Assert.True(seen["parley.sqlite.memory.used"] > 0);
        Assert.True(seen["parley.sqlite.memory.highwater"] >= seen["parley.sqlite.memory.used"]);
    }
}
