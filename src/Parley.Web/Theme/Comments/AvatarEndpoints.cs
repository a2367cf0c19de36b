using System.Globalization;
using System.Text;

namespace Parley.Web.Theme.Comments;

/// <summary>
/// Identicons drawn here from a comment's avatar key: a symmetric 5×5 pattern in a colour from the
/// key. Nothing is asked of a third party, so no one learns who reads or writes what.
/// </summary>
public static class AvatarEndpoints
{
    public static IEndpointRouteBuilder MapAvatars(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/avatars/{key}.svg", [HttpMethods.Get, HttpMethods.Head], (string key, HttpResponse response) =>
        {
            if (key.Length != 32 || !key.All(char.IsAsciiHexDigitLower)) return Results.NotFound();
            response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Text(Identicon(key), "image/svg+xml; charset=utf-8");
        });
        return app;
    }

    public static string Identicon(string key)
    {
        var bytes = Convert.FromHexString(key);
        var hue = (bytes[0] << 8 | bytes[1]) % 360;
        var svg = new StringBuilder(1200);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 5 5\" width=\"64\" height=\"64\" shape-rendering=\"crispEdges\"><rect width=\"5\" height=\"5\" fill=\"hsl({hue},35%,92%)\"/><g fill=\"hsl({hue},55%,45%)\">");
        for (var row = 0; row < 5; row++)
        for (var col = 0; col < 3; col++)
        {
            // 15 bits decide the left three columns; the right two mirror them.
            var bit = row * 3 + col;
            if ((bytes[2 + bit / 8] >> (bit % 8) & 1) == 0) continue;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{col}\" y=\"{row}\" width=\"1\" height=\"1\"/>");
            if (col < 2) svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{4 - col}\" y=\"{row}\" width=\"1\" height=\"1\"/>");
        }
        return svg.Append("</g></svg>").ToString();
    }
}
