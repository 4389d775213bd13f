using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Adminduk.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListVerification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VerificationDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PairKey = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false),
                    Decision = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DecidedById = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    PairIndex = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationDecisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VerificationRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Phase = table.Column<int>(type: "integer", nullable: false),
                    ProgressDone = table.Column<long>(type: "bigint", nullable: false),
                    ProgressTotal = table.Column<long>(type: "bigint", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LeaseExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RowCount = table.Column<int>(type: "integer", nullable: false),
                    ValidCount = table.Column<int>(type: "integer", nullable: false),
                    ReviewCount = table.Column<int>(type: "integer", nullable: false),
                    ProblemCount = table.Column<int>(type: "integer", nullable: false),
                    DuplicateGroupCount = table.Column<int>(type: "integer", nullable: false),
                    CountsJson = table.Column<string>(type: "text", nullable: true),
                    ComparedPairs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VerificationLists",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    FileSize = table.Column<long>(type: "bigint", nullable: false),
                    PaidPerFamily = table.Column<bool>(type: "boolean", nullable: false),
                    HeadersJson = table.Column<string>(type: "text", nullable: false),
                    MappingJson = table.Column<string>(type: "text", nullable: false),
                    RowCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationLists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VerificationLists_VerificationRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "VerificationRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VerificationPairs",
                columns: table => new
                {
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    RowIndex = table.Column<int>(type: "integer", nullable: false),
                    OtherRowIndex = table.Column<int>(type: "integer", nullable: true),
                    ResidentId = table.Column<int>(type: "integer", nullable: true),
                    ResidentStatus = table.Column<int>(type: "integer", nullable: true),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    FieldsJson = table.Column<string>(type: "text", nullable: false),
                    PairKey = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false),
                    Decision = table.Column<int>(type: "integer", nullable: true),
                    DecisionReused = table.Column<bool>(type: "boolean", nullable: false),
                    DecisionId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationPairs", x => new { x.RunId, x.Index });
                    table.ForeignKey(
                        name: "FK_VerificationPairs_VerificationRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "VerificationRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VerificationRows",
                columns: table => new
                {
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    ListNumber = table.Column<int>(type: "integer", nullable: false),
                    Line = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Nik = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    KkNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Address = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Sex = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Codes = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    FindingsJson = table.Column<string>(type: "text", nullable: false),
                    ResidentId = table.Column<int>(type: "integer", nullable: true),
                    Link = table.Column<int>(type: "integer", nullable: false),
                    DuplicateGroup = table.Column<int>(type: "integer", nullable: true),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationRows", x => new { x.RunId, x.Index });
                    table.ForeignKey(
                        name: "FK_VerificationRows_VerificationRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "VerificationRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VerificationListChunks",
                columns: table => new
                {
                    ListId = table.Column<int>(type: "integer", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationListChunks", x => new { x.ListId, x.Index });
                    table.ForeignKey(
                        name: "FK_VerificationListChunks_VerificationLists_ListId",
                        column: x => x.ListId,
                        principalTable: "VerificationLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationDecisions_PairKey_DecidedAt",
                table: "VerificationDecisions",
                columns: new[] { "PairKey", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationLists_RunId_Number",
                table: "VerificationLists",
                columns: new[] { "RunId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VerificationPairs_RunId_Decision",
                table: "VerificationPairs",
                columns: new[] { "RunId", "Decision" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRows_RunId_Status_Index",
                table: "VerificationRows",
                columns: new[] { "RunId", "Status", "Index" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRuns_Status_CreatedAt",
                table: "VerificationRuns",
                columns: new[] { "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VerificationDecisions");

            migrationBuilder.DropTable(
                name: "VerificationListChunks");

            migrationBuilder.DropTable(
                name: "VerificationPairs");

            migrationBuilder.DropTable(
                name: "VerificationRows");

            migrationBuilder.DropTable(
                name: "VerificationLists");

            migrationBuilder.DropTable(
                name: "VerificationRuns");
        }
    }
}
