using System.Globalization;
using Microsoft.Extensions.Options;
using Parley.Core.Posts;
using Parley.Core.Settings;
using Parley.Web.Hosting;

namespace Parley.Web.Theme;

/// <summary>Per-request view of the site: its settings, time zone, public address and date formatting.</summary>
public sealed class SiteContext(SettingsService settingsService, IOptions<ParleyOptions> options, IHttpContextAccessor http)
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

    /// <summary>Scheme and host without a trailing slash, from the PublicUrl option or else the request.</summary>
    public string BaseUrl
    {
        get
        {
            if (!string.IsNullOrEmpty(options.Value.PublicUrl)) return options.Value.PublicUrl.TrimEnd('/');
            var request = http.HttpContext!.Request;
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }

    public string Absolute(string path) => path.StartsWith("http", StringComparison.Ordinal) ? path : BaseUrl + path;

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Zone);

    public string FormatDate(DateTime utc) => Local(utc).ToString(Settings.DateFormat, Culture);

    public CultureInfo Culture
    {
        get
        {
            try { return CultureInfo.GetCultureInfo(Settings.Language); }
            catch (CultureNotFoundException) { return CultureInfo.InvariantCulture; }
        }
    }

    public string PostUrl(PostKind kind, string slug, DateTime publishedAt) => PostUrls.PathFor(kind, slug, publishedAt, Zone);
}
