namespace Parley.Core.Import;

/// <summary>What a conversion could not carry over fully: each reason once, and names gathered under one reason.</summary>
internal sealed class MarkupNotes
{
    private readonly List<string> _notes = [];
    private readonly Dictionary<string, SortedSet<string>> _grouped = [];

    public void Add(string note)
    {
        if (!_notes.Contains(note)) _notes.Add(note);
    }

    /// <summary>Gathers <paramref name="name"/> under <paramref name="reason"/>, so one note can list them all.</summary>
    public void Group(string reason, string name)
    {
        if (!_grouped.TryGetValue(reason, out var names)) _grouped[reason] = names = new SortedSet<string>(StringComparer.Ordinal);
        names.Add(name);
    }

    public IReadOnlyList<string> ToList() =>
        [.. _notes, .. _grouped.Select(g => $"{g.Key}: {string.Join(", ", g.Value)}.")];
}
