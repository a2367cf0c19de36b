using System.Globalization;
using Parley.Core.Media;
using Parley.Core.Net;

namespace Parley.Core.Import;

/// <summary>
/// Fetches an attachment's file from the old site and adds it to the media library, as an upload would be
/// (the same size limit, format check by the bytes, resized copies). Requests go to the public internet only
/// (<see cref="PublicNetwork"/>, checked when each connection is made); redirects are followed here, a few at
/// most, each address checked again. Nothing of the old address becomes a path: the library names the file.
/// A failure is a sentence for the import report; the attachment then stays a link.
/// </summary>
internal sealed class AttachmentDownloader(MediaDownloads settings, MediaLibrary media) : IDisposable
{
    private readonly HttpClient _http = new(PublicNetwork.CreateHandler(settings.AllowLoopback)) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    public async Task<(MediaItem? Item, string? Problem)> DownloadAsync(Uri url, string? fileName, MediaText text, string uploaderId, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            var address = url;
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, address);
                request.Headers.Accept.ParseAdd("image/*");
                request.Headers.UserAgent.ParseAdd("Parley-import/1.0");
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (hop >= MediaDownloads.MaxRedirects) return Failed($"the old site redirected more than {MediaDownloads.MaxRedirects} times");
                    var next = new Uri(address, location);
                    if (next.Scheme is not ("http" or "https")) return Failed($"the old site redirected to a {next.Scheme}: address");
                    address = next;
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                    return Failed(string.Create(CultureInfo.InvariantCulture, $"the old site answered {status} {response.ReasonPhrase}").TrimEnd());
                if (response.Content.Headers.ContentLength is > MediaLimits.MaxBytes and var length)
                    return Failed(Lower(MediaMessages.TooLarge(length)));
                var type = response.Content.Headers.ContentType?.MediaType;
                if (type is not null && !type.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && type != "application/octet-stream")
                    return Failed($"it is not an image (the old site says {type})");
                await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
                return (await media.UploadAsync(body, fileName, type, settings.MediaRoot, uploaderId, text, timeout.Token), null);
            }
        }
        catch (ValidationFailedException e)
        {
            return Failed(Lower(string.Join(" ", e.Errors.Values.SelectMany(v => v))));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Failed(string.Create(CultureInfo.InvariantCulture, $"it did not arrive within {settings.Timeout.TotalSeconds:0} seconds"));
        }
        catch (HttpRequestException e)
        {
            return Failed(Innermost(e).TrimEnd('.'));
        }
        catch (IOException)
        {
            return Failed("the connection broke off");
        }
    }

    private static (MediaItem?, string?) Failed(string reason) => (null, reason);

    // The connect check's own sentence is inside the handler's wrapping exception.
    private static string Innermost(HttpRequestException e)
    {
        Exception found = e;
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
            if (inner is HttpRequestException) found = inner;
        return found.Message;
    }

    private static string Lower(string sentence) =>
        sentence.Length > 1 && char.IsUpper(sentence[0]) && !char.IsUpper(sentence[1]) ? char.ToLowerInvariant(sentence[0]) + sentence[1..].TrimEnd('.') : sentence.TrimEnd('.');

    public void Dispose() => _http.Dispose();
}
