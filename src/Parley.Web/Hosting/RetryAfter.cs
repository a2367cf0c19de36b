using System.Globalization;

namespace Parley.Web.Hosting;

/// <summary>The one way Parley says "wait": a 429's Retry-After header in whole seconds, and the same number for the sentence.</summary>
public static class RetryAfter
{
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public static void Set(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Seconds(wait).ToString(CultureInfo.InvariantCulture);
}
