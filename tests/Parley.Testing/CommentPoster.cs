using System.Net;
using AngleSharp.Dom;
using Xunit;

namespace Parley.Testing;

/// <summary>Fills in and posts a post page's reply form as a browser without JavaScript would.</summary>
public static class CommentPoster
{
    public sealed record Posted(HttpResponseMessage Response, IDocument? Page, string Body);

    public static async Task<Posted> PostAsync(HttpClient client, string postPath, IDictionary<string, string> fields,
        bool withToken = true, int? replyTo = null)
    {
        var separator = postPath.Contains('?') ? '&' : '?';
        var formPage = await HtmlPage.GetAsync(client, replyTo is null ? postPath : $"{postPath}{separator}replytocom={replyTo}");
        var form = formPage.QuerySelector("form.comment-form") ?? throw new InvalidOperationException("No reply form on " + postPath);
        var values = FormFields.Collect(form, fields.ToDictionary(f => "Form." + f.Key, f => f.Value));
        if (!withToken) values.RemoveAll(v => v.Key == "__parley_af");
        else await FormFields.FillBlanksAsync(client, values);

        var response = await client.PostAsync(form.GetAttribute("action")!.Split('#')[0], new FormUrlEncodedContent(values));
        var body = await response.Content.ReadAsStringAsync();
        var page = response.Content.Headers.ContentType?.MediaType == "text/html" ? HtmlPage.Parse(body) : null;
        return new Posted(response, page, body);
    }

    public static Dictionary<string, string> Guest(string body, string name = "Guest Reader", string email = "guest@example.org") =>
        new() { ["Name"] = name, ["Email"] = email, ["Body"] = body };

    /// <summary>Posts and expects the post/redirect/get answer; returns the new comment's id.</summary>
    public static async Task<int> PostOkAsync(HttpClient client, string postPath, IDictionary<string, string> fields, int? replyTo = null)
    {
        var posted = await PostAsync(client, postPath, fields, replyTo: replyTo);
        Assert.True(posted.Response.StatusCode == HttpStatusCode.SeeOther,
            $"Expected 303, got {(int)posted.Response.StatusCode}: {posted.Page?.QuerySelector(".form-errors, .field__error")?.TextContent ?? posted.Body[..Math.Min(300, posted.Body.Length)]}");
        var location = posted.Response.Headers.Location!.ToString();
        Assert.StartsWith(postPath.Split('?')[0] + "#comment-", location);
        return int.Parse(location[(location.IndexOf("#comment-", StringComparison.Ordinal) + 9)..]);
    }
}
