package boxoffice.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.math.BigInteger;

/**
 * A whole number of any size, saturated into int's range; anything else is refused as for any {@code Integer}. For
 * a value the service clamps into a range (a hold's {@code ttl_seconds}): 99999999999 is clamped like 901, in the
 * body as in the query string, instead of failing as too large for an int.
 */
public final class SaturatedInt extends StdDeserializer<Integer> {
    public SaturatedInt() {
        super(Integer.class);
    }

    /** A whole number written in decimal, saturated; {@link NumberFormatException} for anything else. */
    public static int parse(String text) {
        return saturate(new BigInteger(text));
    }

    @Override
    public Integer deserialize(JsonParser json, DeserializationContext context) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NUMBER_INT && json.getNumberType() != JsonParser.NumberType.INT) {
            return saturate(json.getBigIntegerValue());
        }
        return context.readValue(json, Integer.class);
    }

    private static int saturate(BigInteger value) {
        if (value.bitLength() < Integer.SIZE) {
            return value.intValue();
        }
        return value.signum() > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
    }
}
