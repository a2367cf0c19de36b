using Microsoft.Extensions.Options;
using Parley.Core.Notifications;

namespace Parley.Web.Hosting;

/// <summary>
/// Absolute links for mail: the configured public address, or else the address of the request that
/// caused the mail (mail is queued during a request), or else localhost as a last resort.
/// </summary>
public sealed class SiteLinks(IOptions<ParleyOptions> options, IHttpContextAccessor http) : ISiteLinks
{
    public string Absolute(string path)
    {
        var configured = options.Value.PublicUrl;
        if (!string.IsNullOrEmpty(configured)) return configured.TrimEnd('/') + path;
        if (http.HttpContext?.Request is { } request) return $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
        return "http://localhost" + path;
    }
}
