using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Parley.Core.Archive;

/// <summary>
/// Turns an entity into one JSON object and back, column by column from the model, so nothing the
/// database holds is left behind. Columns the database computes itself are neither written nor read.
/// </summary>
internal sealed class ArchiveRows
{
    private readonly ArchiveSection _section;
    private readonly IEntityType _type;
    private readonly IReadOnlyList<IProperty> _columns;
    private readonly IReadOnlyList<INavigation> _owned;
    private readonly Dictionary<string, IProperty> _byArchiveName;
    private readonly IArchiveSecrets _secrets;

    public ArchiveRows(ArchiveSection section, IEntityType type, IArchiveSecrets secrets)
    {
        _section = section;
        _type = type;
        _secrets = secrets;
        _columns = type.GetProperties()
            .Where(p => p.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAddOrUpdate && p.GetComputedColumnSql() is null)
            .ToList();
        _owned = type.GetNavigations().Where(n => n.ForeignKey.IsOwnership && !n.IsOnDependent).ToList();
        _byArchiveName = _columns.ToDictionary(ArchiveName, StringComparer.Ordinal);
    }

    private string ArchiveName(IProperty column) =>
        _section.Secrets is { } secrets && secrets.TryGetValue(column.Name, out var plainName) ? plainName : column.Name;

    public void Write(Utf8JsonWriter json, object entity)
    {
        json.WriteStartObject();
        foreach (var column in _columns)
        {
            var value = column.GetGetter().GetClrValueUsingContainingEntity(entity);
            if (_section.Secrets?.ContainsKey(column.Name) == true && value is string { Length: > 0 } sealedValue)
                value = _secrets.Reveal(sealedValue);
            json.WritePropertyName(ArchiveName(column));
            JsonSerializer.Serialize(json, value, column.ClrType, ArchiveJson.Values);
        }
        foreach (var owned in _owned)
        {
            json.WritePropertyName(owned.Name);
            JsonSerializer.Serialize(json, owned.GetGetter().GetClrValueUsingContainingEntity(entity), owned.ClrType, ArchiveJson.Values);
        }
        json.WriteEndObject();
    }

    /// <summary>Builds the entity a row describes, checking each value as the database would (and more).</summary>
    public object Read(JsonElement row, long number)
    {
        if (row.ValueKind != JsonValueKind.Object) throw Bad(number, "not a JSON object");
        var entity = _type.HasSharedClrType ? new Dictionary<string, object>() : Activator.CreateInstance(_type.ClrType)!;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in row.EnumerateObject())
        {
            if (!seen.Add(field.Name)) throw Bad(number, $"'{field.Name}' appears twice");
            if (_byArchiveName.TryGetValue(field.Name, out var column))
            {
                Set(entity, column, ReadValue(column, field, number));
                continue;
            }
            var owned = _owned.FirstOrDefault(n => n.Name == field.Name) ?? throw Bad(number, $"unknown field '{field.Name}'");
            object? value;
            try { value = field.Value.Deserialize(owned.ClrType, ArchiveJson.Values); }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
            { throw Bad(number, $"'{field.Name}' is not valid"); }
            owned.PropertyInfo!.SetValue(entity, value);
        }
        foreach (var key in _type.FindPrimaryKey()!.Properties)
            if (!seen.Contains(ArchiveName(key))) throw Bad(number, $"'{key.Name}' is missing");
        foreach (var column in _columns.Where(c => !c.IsNullable && !c.ClrType.IsValueType && !seen.Contains(ArchiveName(c))))
            if (column.GetGetter().GetClrValueUsingContainingEntity(entity) is null) throw Bad(number, $"'{column.Name}' is missing");
        return entity;
    }

    private object? ReadValue(IProperty column, JsonProperty field, long number)
    {
        object? value;
        try { value = field.Value.Deserialize(column.ClrType, ArchiveJson.Values); }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        { throw Bad(number, $"'{field.Name}' is not a valid {Nullable.GetUnderlyingType(column.ClrType)?.Name ?? column.ClrType.Name}"); }
        if (value is null)
        {
            if (!column.IsNullable) throw Bad(number, $"'{field.Name}' may not be null");
            return null;
        }
        if (value is Enum && !Enum.IsDefined(value.GetType(), value)) throw Bad(number, $"'{field.Name}' has no value {value}");
        if (value is DateTime { Kind: not DateTimeKind.Utc }) throw Bad(number, $"'{field.Name}' is not a UTC time (it must end in Z)");
        if (_section.Secrets?.ContainsKey(column.Name) == true && value is string { Length: > 0 } plain) value = _secrets.Protect(plain);
        // SQLite would store an oversize value without complaint; the site would then break elsewhere.
        var max = column.GetMaxLength();
        if (max is { } limit && (value is string text && text.Length > limit || value is byte[] bytes && bytes.Length > limit))
            throw Bad(number, $"'{field.Name}' is longer than {limit} characters");
        return value;
    }

    private static void Set(object entity, IProperty column, object? value)
    {
        if (entity is Dictionary<string, object> values) values[column.Name] = value!;
        else if (column.PropertyInfo is { CanWrite: true } property) property.SetValue(entity, value);
        else if (column.FieldInfo is { } field) field.SetValue(entity, value);
        else throw new InvalidOperationException($"Cannot set {column.DeclaringType.DisplayName()}.{column.Name}.");
    }

    private ArchiveException Bad(long number, string problem) => new(ArchiveMessages.BadRow(_section.Name, number, problem));
}
