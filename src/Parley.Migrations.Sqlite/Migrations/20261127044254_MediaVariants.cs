using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MediaVariants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Animated",
                table: "MediaItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OriginalFileName",
                table: "MediaItems",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StoragePath",
                table: "MediaItems",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UploadedById",
                table: "MediaItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Variants",
                table: "MediaItems",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_MediaItems_CreatedAt",
                table: "MediaItems",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MediaItems_UploadedById",
                table: "MediaItems",
                column: "UploadedById");

            migrationBuilder.AddForeignKey(
                name: "FK_MediaItems_AspNetUsers_UploadedById",
                table: "MediaItems",
                column: "UploadedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_MediaItems_AspNetUsers_UploadedById",
                table: "MediaItems");

            migrationBuilder.DropIndex(
                name: "IX_MediaItems_CreatedAt",
                table: "MediaItems");

            migrationBuilder.DropIndex(
                name: "IX_MediaItems_UploadedById",
                table: "MediaItems");

            migrationBuilder.DropColumn(
                name: "Animated",
                table: "MediaItems");

            migrationBuilder.DropColumn(
                name: "OriginalFileName",
                table: "MediaItems");

            migrationBuilder.DropColumn(
                name: "StoragePath",
                table: "MediaItems");

            migrationBuilder.DropColumn(
                name: "UploadedById",
                table: "MediaItems");

            migrationBuilder.DropColumn(
                name: "Variants",
                table: "MediaItems");
        }
    }
}
