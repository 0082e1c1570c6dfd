using System.Text;

namespace Churn.Core.Tests.Doubles;

/// <summary>
/// Writes small ONNX graphs as raw protobuf (no ONNX package is needed): a logistic model
/// <c>p = sigmoid(Features · W + b)</c> with a configurable input width and output rank. Test fixtures only; the
/// product's model comes from the Trainer.
/// </summary>
internal static class OnnxGraphWriter
{
    private const int Float = 1, Int64 = 7;

    /// <summary>
    /// <c>p = Features · W + b</c> without the sigmoid: a graph that loads and passes the probe customers when its weights
    /// keep them in [0, 1], but returns a non-probability for customers beyond them.
    /// </summary>
    public static byte[] Linear(float[] weights, float bias) => Logistic(weights, bias, squash: false);

    public static byte[] Logistic(float[] weights, float bias, string inputName = "Features",
        string outputName = "Probability.output", bool outputIsMatrix = false, bool squash = true)
    {
        var nodes = new List<byte[]>
        {
            Node("MatMul", [inputName, "W"], ["z"]),
            Node("Add", ["z", "B"], ["logit"]),
            Node(squash ? "Sigmoid" : "Identity", ["logit"], [outputIsMatrix ? outputName : "p"]),
        };
        var initializers = new List<byte[]>
        {
            FloatTensor("W", [weights.Length, 1], weights),
            FloatTensor("B", [1], [bias]),
        };
        if (!outputIsMatrix)
        {
            nodes.Add(Node("Reshape", ["p", "flat"], [outputName]));
            initializers.Add(Int64Tensor("flat", [1], [-1]));
        }
        var graph = new Proto();
        foreach (var n in nodes) graph.Message(1, n);
        graph.String(2, "fixture");
        foreach (var t in initializers) graph.Message(5, t);
        graph.Message(11, ValueInfo(inputName, [null, weights.Length]));
        graph.Message(12, ValueInfo(outputName, outputIsMatrix ? [null, 1] : [null]));
        var model = new Proto();
        model.Varint(1, 8); // ir_version
        model.String(2, "churn-tests");
        model.Message(7, graph.ToArray());
        model.Message(8, new Proto().String(1, "").Varint(2, 13).ToArray()); // opset 13
        return model.ToArray();
    }

    private static byte[] Node(string op, string[] inputs, string[] outputs)
    {
        var node = new Proto();
        foreach (var i in inputs) node.String(1, i);
        foreach (var o in outputs) node.String(2, o);
        node.String(3, op + "_" + outputs[0]);
        node.String(4, op);
        return node.ToArray();
    }

    private static byte[] FloatTensor(string name, long[] dims, float[] values)
    {
        var t = new Proto();
        foreach (var d in dims) t.Varint(1, (ulong)d);
        t.Varint(2, Float);
        t.String(8, name);
        var raw = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        t.Bytes(9, raw);
        return t.ToArray();
    }

    private static byte[] Int64Tensor(string name, long[] dims, long[] values)
    {
        var t = new Proto();
        foreach (var d in dims) t.Varint(1, (ulong)d);
        t.Varint(2, Int64);
        t.String(8, name);
        var raw = new byte[values.Length * 8];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        t.Bytes(9, raw);
        return t.ToArray();
    }

    /// <summary>A float tensor value info; a null dimension is the dynamic batch dimension "N".</summary>
    private static byte[] ValueInfo(string name, int?[] dims)
    {
        var shape = new Proto();
        foreach (var d in dims)
        {
            shape.Message(1, d is { } v ? new Proto().Varint(1, (ulong)v).ToArray() : new Proto().String(2, "N").ToArray());
        }
        var tensor = new Proto().Varint(1, Float).Message(2, shape.ToArray());
        var type = new Proto().Message(1, tensor.ToArray());
        return new Proto().String(1, name).Message(2, type.ToArray()).ToArray();
    }

    private sealed class Proto
    {
        private readonly MemoryStream _buffer = new();

        public Proto Varint(int field, ulong value)
        {
            Tag(field, 0);
            Raw(value);
            return this;
        }

        public Proto String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public Proto Message(int field, byte[] message) => Bytes(field, message);

        public Proto Bytes(int field, byte[] value)
        {
            Tag(field, 2);
            Raw((ulong)value.Length);
            _buffer.Write(value);
            return this;
        }

        public byte[] ToArray() => _buffer.ToArray();

        private void Tag(int field, int wireType) => Raw((ulong)((field << 3) | wireType));

        private void Raw(ulong value)
        {
            while (value >= 0x80)
            {
                _buffer.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }
            _buffer.WriteByte((byte)value);
        }
    }
}
