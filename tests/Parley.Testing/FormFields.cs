using AngleSharp.Dom;

namespace Parley.Testing;

/// <summary>What a browser sends for a form: every named field as the page filled it in, then the test's changes.</summary>
public static class FormFields
{
    public static List<KeyValuePair<string, string>> Collect(IElement form, IDictionary<string, string> changes)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            if (changes.ContainsKey(name)) continue;
            var type = element.GetAttribute("type") ?? "text";
            if (element.LocalName == "input" && type is "checkbox" or "radio" && !element.HasAttribute("checked")) continue;
            if (element.LocalName == "input" && type is "submit" or "button") continue;
            var value = element.LocalName switch
            {
                "textarea" => element.TextContent,
                "select" => element.QuerySelector("option[selected]")?.GetAttribute("value") ?? element.QuerySelector("option")?.GetAttribute("value") ?? "",
                _ => element.GetAttribute("value") ?? (type == "checkbox" ? "on" : ""),
            };
            values.Add(new(name, value));
        }
        foreach (var (name, value) in changes) values.Add(new(name, value));
        return values;
    }

    /// <summary>
    /// What the page's script does on a page kept for every visitor: fetches this browser's anti-forgery
    /// token and form stamp and fills the empty fields with them. Nothing to do on a page rendered for one visitor.
    /// </summary>
    public static async Task FillBlanksAsync(HttpClient client, List<KeyValuePair<string, string>> values)
    {
        if (!values.Any(v => v.Key is "__parley_af" or "Form.Issued" && v.Value.Length == 0)) return;
        using var state = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/comments/form-state"));
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Value.Length > 0) continue;
            if (values[i].Key == "__parley_af") values[i] = new(values[i].Key, state.RootElement.GetProperty("token").GetString()!);
            else if (values[i].Key == "Form.Issued") values[i] = new(values[i].Key, state.RootElement.GetProperty("issued").GetString()!);
        }
    }
}
