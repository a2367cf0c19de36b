namespace Parley.Core.Settings;

/// <summary>
/// What changed in what the public sees: the discussion under some posts, or anything else (then the whole
/// site is treated as changed). Told after the change is saved, so a listener that drops cached pages
/// never drops them before the new content can be read.
/// </summary>
public sealed record ContentChange(IReadOnlyCollection<int> DiscussionOfPosts)
{
    public static readonly ContentChange WholeSite = new([]);
    public bool IsWholeSite => DiscussionOfPosts.Count == 0;
}

/// <summary>
/// The one place that hears about public changes (a singleton; <see cref="SettingsService"/> tells it). The page
/// cache listens here, and only here, so no feature has to know the cache exists.
/// </summary>
public sealed class ContentChanges
{
    private event Action<ContentChange>? Changed;

    public void Subscribe(Action<ContentChange> listener) => Changed += listener;

    public void Tell(ContentChange change) => Changed?.Invoke(change);
}
