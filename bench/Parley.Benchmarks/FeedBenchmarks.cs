using BenchmarkDotNet.Attributes;
using Parley.Core.Feeds;

namespace Parley.Benchmarks;

/// <summary>Writing a 20-item feed (full post HTML in each) as RSS, Atom and JSON Feed.</summary>
[MemoryDiagnoser]
public class FeedBenchmarks
{
    private FeedDocument _feed = null!;

    [GlobalSetup]
    public void Setup()
    {
        var html = new Parley.Core.Rendering.PostMarkdownRenderer().Render(DemoText.Post("03-timetable.md")).Html;
        var entries = Enumerable.Range(1, 20).Select(i => new FeedEntry($"https://blog.example.org/?p={i}", $"Post number {i}", $"https://blog.example.org/2026/11/post-{i}",
            DateTime.UtcNow.AddDays(-i), DateTime.UtcNow.AddDays(-i), "Bench Author", "A summary of the post.", html, ["Cities", "Transport"], null)).ToList();
        _feed = new FeedDocument("Parley", "Commentary and conversation", "https://blog.example.org", "https://blog.example.org/feed", "en", DateTime.UtcNow, entries);
    }

    [Benchmark(Baseline = true)]
    public async Task<long> Rss() { using var s = new MemoryStream(); await FeedWriter.WriteRssAsync(_feed, s); return s.Length; }

    [Benchmark]
    public async Task<long> Atom() { using var s = new MemoryStream(); await FeedWriter.WriteAtomAsync(_feed, s); return s.Length; }

    [Benchmark]
    public async Task<long> Json() { using var s = new MemoryStream(); await FeedWriter.WriteJsonAsync(_feed, s); return s.Length; }
}
