/// The quality flag of a reading (readings.csv `quality`): bad readings prove the sensor is alive but
/// are not judged against thresholds; suspect ones are judged.
public enum ReadingQuality: UInt8, Sendable {
    case good
    case suspect
    case bad

    init?(bytes: UnsafeBufferPointer<UInt8>) {
        switch bytes.count {
        case 0: self = .good
        case 4 where bytes[0] == 0x67 && bytes[1] == 0x6F && bytes[2] == 0x6F && bytes[3] == 0x64: self = .good
        case 3 where bytes[0] == 0x62 && bytes[1] == 0x61 && bytes[2] == 0x64: self = .bad
        case 7 where String(decoding: bytes, as: UTF8.self) == "suspect": self = .suspect
        default: return nil
        }
    }
}
