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
}
