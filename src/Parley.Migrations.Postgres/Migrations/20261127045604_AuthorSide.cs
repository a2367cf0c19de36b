using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Parley.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AuthorSide : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Posts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Animated",
                table: "MediaItems",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OriginalFileName",
                table: "MediaItems",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StoragePath",
                table: "MediaItems",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UploadedById",
                table: "MediaItems",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Variants",
                table: "MediaItems",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "PostAutosave",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PostId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    BodySource = table.Column<string>(type: "text", nullable: false),
                    FieldsJson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    BaseVersion = table.Column<int>(type: "integer", nullable: false),
                    SavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostAutosave", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostAutosave_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MediaItems_CreatedAt",
                table: "MediaItems",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MediaItems_UploadedById",
                table: "MediaItems",
                column: "UploadedById");

            migrationBuilder.CreateIndex(
                name: "IX_PostAutosave_PostId_UserId",
                table: "PostAutosave",
                columns: new[] { "PostId", "UserId" },
                unique: true);

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

            migrationBuilder.DropTable(
                name: "PostAutosave");

            migrationBuilder.DropIndex(
                name: "IX_MediaItems_CreatedAt",
                table: "MediaItems");

            migrationBuilder.DropIndex(
                name: "IX_MediaItems_UploadedById",
                table: "MediaItems");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Posts");

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
