namespace Churn.AppHost.Tests.Otlp;

/// <summary>
/// Just enough of the protobuf wire format to read OTLP trace exports: varints, fixed64/32 and length-delimited
/// fields. Unknown fields are skipped, so newer OTLP versions still parse.
/// </summary>
internal ref struct ProtoWire(ReadOnlySpan<byte> buffer)
{
    private readonly ReadOnlySpan<byte> buffer = buffer;
    private int position;

    public bool TryReadField(out int fieldNumber, out int wireType)
    {
        if (position >= buffer.Length)
        {
            fieldNumber = wireType = 0;
            return false;
        }

        var tag = ReadVarint();
        fieldNumber = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        return true;
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var next = buffer[position++];
            value |= (ulong)(next & 0x7F) << shift;
            if ((next & 0x80) == 0)
            {
                return value;
            }
        }

        throw new FormatException("Malformed varint in OTLP payload.");
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = (int)ReadVarint();
        var bytes = buffer.Slice(position, length);
        position += length;
        return bytes;
    }

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0: ReadVarint(); break;
            case 1: position += 8; break;
            case 2: ReadBytes(); break;
            case 5: position += 4; break;
            default: throw new FormatException($"Unsupported protobuf wire type {wireType}.");
        }
    }
}
