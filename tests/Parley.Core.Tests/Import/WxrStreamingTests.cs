using System.Text;
using Parley.Core.Import;

namespace Parley.Core.Tests.Import;

/// <summary>The reader holds one item at a time, whatever the size of the file.</summary>
public sealed class WxrStreamingTests
{
    [Fact]
    public void A_large_export_is_read_in_bounded_memory()
    {
        const int items = 20_000;
        var body = new string('x', 2_000);
        using var stream = new GeneratedExport(items, i => $"<item><title>Post {i}</title><wp:post_id>{i}</wp:post_id><content:encoded><![CDATA[{body}]]></content:encoded></item>\n");
        using var reader = WxrReader.Open(stream);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0, count = 0;
        foreach (var record in reader.Records())
        {
            if (record is not WxrItem) continue;
            if (++count % 2_000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - before);
        }
        Assert.Equal(items, count);
        Assert.True(stream.Produced > 40_000_000, $"the file was {stream.Produced:N0} bytes");
        // About 40 MB went through; the reader kept a few of its buffers and one item.
        Assert.True(peak < 8_000_000, $"memory grew by {peak:N0} bytes");
    }

    [Fact]
    public void A_field_longer_than_the_limit_is_cut_and_its_item_marked()
    {
        var huge = new string('y', WxrReader.MaxFieldLength + 1000);
        using var stream = new GeneratedExport(2, i => i == 0 ? $"<item><wp:post_id>1</wp:post_id><content:encoded><![CDATA[{huge}]]></content:encoded></item>" : "<item><wp:post_id>2</wp:post_id></item>");
        using var reader = WxrReader.Open(stream);
        var read = reader.Records().OfType<WxrItem>().ToList();
        Assert.True(read[0].Oversized);
        Assert.Equal(WxrReader.MaxFieldLength, read[0].Content.Length);
        Assert.False(read[1].Oversized);
    }

    /// <summary>An export written as it is read, never held whole: header, then items made on demand, then the end.</summary>
    private sealed class GeneratedExport(int items, Func<int, string> item) : Stream
    {
        private byte[] _current = Encoding.UTF8.GetBytes(WxrReaderTests.Wxr("\u0001").Split('\u0001')[0]);
        private int _offset, _next;
        private bool _ended;
        public long Produced { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (_offset == _current.Length)
            {
                if (_next < items) _current = Encoding.UTF8.GetBytes(item(_next++));
                else if (!_ended)
                {
                    _ended = true;
                    _current = Encoding.UTF8.GetBytes(WxrReaderTests.Wxr("\u0001").Split('\u0001')[1]);
                }
                else return 0;
                _offset = 0;
            }
            var n = Math.Min(count, _current.Length - _offset);
            Array.Copy(_current, _offset, buffer, offset, n);
            _offset += n;
            Produced += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
