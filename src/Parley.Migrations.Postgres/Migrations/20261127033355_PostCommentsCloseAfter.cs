using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PostCommentsCloseAfter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CommentsCloseAfterDays",
                table: "Posts",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CommentsCloseAfterDays",
                table: "Posts");
        }
    }
}
