using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.ListVerification;

/// <summary>Uploaded list files kept in the database in 1 MB chunks, so whichever instance runs the verification can read them.</summary>
public static class ListUploads
{
    public const int ChunkSize = 1 << 20;

    /// <summary>Reads the headers, then stores the file. Returns null (nothing stored) when the file has no header row.</summary>
    public static async Task<VerificationList?> AddAsync(AdmindukDbContext db, VerificationRun run, int number, string fileName, Stream content, CancellationToken ct)
    {
        var temp = Path.GetTempFileName();
        try
        {
            await using (var file = File.Create(temp))
            {
                await content.CopyToAsync(file, ct);
            }

            IReadOnlyList<string> headers;
            try
            {
                using var reader = TableReader.Open(temp, TableReader.FormatOf(fileName));
                headers = reader.Headers;
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or NotSupportedException)
            {
                return null;
            }

            if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
            {
                return null;
            }

            var list = new VerificationList
            {
                RunId = run.Id,
                Number = number,
                Name = Path.GetFileNameWithoutExtension(fileName),
                FileName = Path.GetFileName(fileName),
                FileSize = new FileInfo(temp).Length,
                HeadersJson = System.Text.Json.JsonSerializer.Serialize(headers),
                MappingJson = ColumnMapping.Detect(headers).ToJson(),
            };
            db.Add(list);
            await db.SaveChangesAsync(ct);

            await using var source = File.OpenRead(temp);
            var buffer = new byte[ChunkSize];
            var index = 0;
            int length;
            while ((length = await source.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, ct)) > 0)
            {
                db.Add(new VerificationListChunk { ListId = list.Id, Index = index++, Data = buffer[..length] });
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }

            return list;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Writes a stored list to a temporary file (XLSX needs a seekable file) and returns its path.</summary>
    public static async Task<string> ExtractAsync(AdmindukDbContext db, int listId, CancellationToken ct)
    {
        var path = Path.GetTempFileName();
        await using var file = File.Create(path);
        var count = await db.Set<VerificationListChunk>().CountAsync(c => c.ListId == listId, ct);
        if (count == 0)
        {
            throw new ListFormatException($"The content of list {listId} is not stored.");
        }

        for (var i = 0; i < count; i++)
        {
            var data = await db.Set<VerificationListChunk>().AsNoTracking()
                .Where(c => c.ListId == listId && c.Index == i).Select(c => c.Data).SingleAsync(ct);
            await file.WriteAsync(data, ct);
        }

        return path;
    }

    public static IReadOnlyList<string> Headers(VerificationList list) =>
        System.Text.Json.JsonSerializer.Deserialize<List<string>>(list.HeadersJson) ?? [];
}
