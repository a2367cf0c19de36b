using System.Globalization;
using Parley.Core.Posts;
using Parley.Core.Settings;
using Parley.Core.Notifications;
using Parley.Web.Hosting;

namespace Parley.Web.Theme;

/// <summary>Per-request view of the site: its settings, time zone, public address and date formatting.</summary>
public sealed class SiteContext(SettingsService settingsService, ISiteLinks links, TimeProvider clock)
{
    private SiteSettings? _settings;

    public SiteSettings Settings => _settings ?? throw new InvalidOperationException("SiteContext.LoadAsync was not called.");
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task LoadAsync(CancellationToken ct)
    {
        if (_settings is not null) return;
        _settings = await settingsService.GetAsync(ct);
        Zone = SiteTime.Zone(_settings);
    }

    /// <summary>Scheme and host without a trailing slash (see <see cref="SiteLinks"/>).</summary>
    public string BaseUrl => links.Absolute("");

    public string Absolute(string path) => path.StartsWith("http", StringComparison.Ordinal) ? path : links.Absolute(path);

    /// <summary>Now, from the one clock the services use (a fake one in tests).</summary>
    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Zone);

    public string FormatDate(DateTime utc) => Local(utc).ToString(Settings.DateFormat, Culture);

    // Looked up once per request: GetCultureInfo takes a process-wide lock, and a thread formats dozens of dates.
    private CultureInfo? _culture;

    public CultureInfo Culture => _culture ??= CultureOf(Settings.Language);

    private static CultureInfo CultureOf(string language)
    {
        try { return CultureInfo.GetCultureInfo(language); }
        catch (CultureNotFoundException) { return CultureInfo.InvariantCulture; }
    }

    public string PostUrl(PostKind kind, string slug, DateTime publishedAt) => PostUrls.PathFor(kind, slug, publishedAt, Zone);
}
