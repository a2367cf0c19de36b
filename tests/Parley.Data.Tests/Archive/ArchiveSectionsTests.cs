using Microsoft.EntityFrameworkCore;
using Parley.Core.Archive;
using Parley.Core.Data;

namespace Parley.Data.Tests.Archive;

/// <summary>
/// The archive is only lossless while it knows every table: a new entity must be put in the archive
/// (ArchiveSections.Included) or left out with a reason (ArchiveSections.Excluded) on purpose.
/// </summary>
public sealed class ArchiveSectionsTests
{
    private static ParleyDbContext Context()
    {
        var options = new DbContextOptionsBuilder<ParleyDbContext>();
        options.Use(DatabaseProvider.Sqlite, "Data Source=:memory:");
        return new ParleyDbContext(options.Options);
    }

    [Fact]
    public void Every_entity_of_the_model_is_in_the_archive_or_left_out_with_a_reason()
    {
        using var db = Context();
        var included = ArchiveSections.Included.Select(s => s.EntityType(db.Model).Name).ToHashSet();
        var excluded = ArchiveSections.Excluded.Keys.Select(t => db.Model.FindEntityType(t)?.Name).ToHashSet();
        var unknown = db.Model.GetEntityTypes()
            .Where(t => !included.Contains(t.Name) && !excluded.Contains(t.Name))
            .Select(t => t.Name).ToList();
        Assert.True(unknown.Count == 0,
            "The JSON archive does not know these entities; add each to ArchiveSections.Included (in dependency order) " +
            $"or to ArchiveSections.Excluded with the reason: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Every_excluded_entity_still_exists_and_has_a_reason()
    {
        using var db = Context();
        Assert.All(ArchiveSections.Excluded, pair =>
        {
            Assert.NotNull(db.Model.FindEntityType(pair.Key));
            Assert.False(string.IsNullOrWhiteSpace(pair.Value));
        });
    }

    /// <summary>Rows are read from and written to the objects themselves; a column without a property would be lost.</summary>
    [Fact]
    public void Archived_entities_have_no_shadow_columns()
    {
        using var db = Context();
        var shadows = ArchiveSections.Included.Select(s => s.EntityType(db.Model))
            .SelectMany(t => t.GetProperties().Where(p => p.IsShadowProperty()).Select(p => $"{t.DisplayName()}.{p.Name}")).ToList();
        Assert.True(shadows.Count == 0, "Give these columns a property on their entity, or teach ArchiveRows shadow values: " + string.Join(", ", shadows));
    }

    [Fact]
    public void Sections_come_after_every_section_they_point_to()
    {
        using var db = Context();
        var order = ArchiveSections.Included.Select((s, i) => (Type: s.EntityType(db.Model), Index: i)).ToList();
        foreach (var (type, index) in order)
            foreach (var key in type.GetForeignKeys().Where(fk => fk.PrincipalEntityType != type))
            {
                var principal = order.FirstOrDefault(o => o.Type == key.PrincipalEntityType);
                Assert.True(principal.Type is not null && principal.Index < index, $"{type.DisplayName()} points to {key.PrincipalEntityType.DisplayName()}, which must come first.");
            }
        Assert.Equal(ArchiveSections.Included.Count, ArchiveSections.Included.Select(s => s.Name).Distinct().Count());
    }
}
