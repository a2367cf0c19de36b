using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Core.Media;

namespace Parley.Core.Data.Configurations;

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> media)
    {
        media.Property(m => m.Url).HasMaxLength(500);
        media.Property(m => m.ContentType).HasMaxLength(100);
        media.Property(m => m.AltText).HasMaxLength(1000);
        media.Property(m => m.Caption).HasMaxLength(2000);
        media.HasIndex(m => m.Url).IsUnique();
    }
}
