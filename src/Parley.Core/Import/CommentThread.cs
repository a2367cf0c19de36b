namespace Parley.Core.Import;

/// <summary>
/// Puts an item's comments in an order where every comment comes after the one it answers, so each parent
/// exists before its replies are written. WordPress's own data can be broken: a reply to a comment that is
/// not in the file stays a reply only if an earlier import has that comment, a comment that answers itself
/// or sits in a loop is moved to the top level, and a second comment with the same id is left out.
/// </summary>
internal static class CommentThread
{
    public sealed record Entry(WxrComment Comment, string Key, string? ParentKey, string? Problem);

    public static (List<Entry> Ordered, List<WxrComment> Duplicates) Order(IReadOnlyList<WxrComment> comments, string postKey)
    {
        var entries = new List<(WxrComment Comment, string Key)>();
        var duplicates = new List<WxrComment>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < comments.Count; i++)
        {
            var key = comments[i].Id is > 0 and var id ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{postKey}#{i + 1}";
            if (keys.Add(key)) entries.Add((comments[i], key));
            else duplicates.Add(comments[i]);
        }

        var children = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var roots = new List<int>();
        for (var i = 0; i < entries.Count; i++)
        {
            var parent = Parent(entries[i].Comment);
            if (parent is not null && parent != entries[i].Key && keys.Contains(parent))
            {
                if (!children.TryGetValue(parent, out var list)) children[parent] = list = [];
                list.Add(i);
            }
            else roots.Add(i);
        }

        var ordered = new List<Entry>(entries.Count);
        var placed = new bool[entries.Count];
        foreach (var root in roots)
        {
            var parent = Parent(entries[root].Comment);
            var problem = parent == entries[root].Key ? "It answers itself; it is shown at the top level." : null;
            Place(root, problem == null ? parent : null, problem);
        }
        // Whatever is left sits in a loop of replies (A answers B answers A): the first of each loop goes to the top.
        for (var i = 0; i < entries.Count; i++)
            if (!placed[i]) Place(i, null, "It and the comments it answers form a loop; it is shown at the top level.");
        return (ordered, duplicates);

        void Place(int start, string? parentKey, string? problem)
        {
            var queue = new Queue<(int Index, string? Parent, string? Problem)>();
            queue.Enqueue((start, parentKey, problem));
            placed[start] = true;
            while (queue.Count > 0)
            {
                var (index, parent, why) = queue.Dequeue();
                var (comment, key) = entries[index];
                ordered.Add(new Entry(comment, key, parent, why));
                if (!children.TryGetValue(key, out var replies)) continue;
                foreach (var reply in replies)
                {
                    if (placed[reply]) continue;
                    placed[reply] = true;
                    queue.Enqueue((reply, key, null));
                }
            }
        }
    }

    private static string? Parent(WxrComment comment) =>
        comment.Parent is > 0 and var p ? p.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
}
