using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Core.Accounts;
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
        media.Property(m => m.StoragePath).HasMaxLength(300);
        media.Property(m => m.Variants).HasMaxLength(100);
        media.Property(m => m.OriginalFileName).HasMaxLength(MediaLimits.OriginalFileName);
        media.HasIndex(m => m.Url).IsUnique();
        // An uploader's account may go; the picture stays in the posts that use it.
        media.HasOne<ParleyUser>().WithMany().HasForeignKey(m => m.UploadedById).OnDelete(DeleteBehavior.SetNull);
        media.HasIndex(m => m.CreatedAt);
    }
}
