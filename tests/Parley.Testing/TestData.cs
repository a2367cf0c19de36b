using System.Text.Json;

namespace Parley.Testing;

/// <summary>Files under tests/TestData (see its SOURCES.md), found from the test binary's folder.</summary>
public static class TestData
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Reads a corpus file whose lines are JSON string bodies (the xss/ format).</summary>
    public static IEnumerable<string> JsonLines(string relative) =>
        File.ReadLines(PathOf(relative)).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<string>("\"" + l + "\"")!);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "TestData");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/TestData was not found above " + AppContext.BaseDirectory);
    }
}
