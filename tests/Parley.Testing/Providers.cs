using Parley.Core.Data;
using Xunit;

namespace Parley.Testing;

/// <summary>Theory data: every storage test runs once per database provider.</summary>
public sealed class BothProviders : TheoryData<DatabaseProvider>
{
    public static readonly DatabaseProvider[] All = [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    public BothProviders() => AddRange(All);
}
