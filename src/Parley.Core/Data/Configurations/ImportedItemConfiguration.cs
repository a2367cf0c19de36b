using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Core.Import;

namespace Parley.Core.Data.Configurations;

internal sealed class ImportedItemConfiguration : IEntityTypeConfiguration<ImportedItem>
{
    public void Configure(EntityTypeBuilder<ImportedItem> item)
    {
        item.Property(i => i.Source).HasMaxLength(200);
        item.Property(i => i.Kind).HasMaxLength(20);
        item.Property(i => i.ExternalId).HasMaxLength(200);
        item.Property(i => i.LocalId).HasMaxLength(450);
        // What makes a second import of the same file create nothing new.
        item.HasIndex(i => new { i.Source, i.Kind, i.ExternalId }).IsUnique();
    }
}
