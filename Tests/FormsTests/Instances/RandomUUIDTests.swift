import Foundation
import Forms
import Testing

@Suite("Random UUIDs for instance, record and request IDs")
struct RandomUUIDTests {
    @Test("random UUIDs are version 4, RFC 4122 variant, and do not repeat")
    func randomUUIDs() {
        let uuids = (0..<2000).map { _ in UUID.random() }
        #expect(Set(uuids).count == uuids.count)
        for uuid in uuids {
            let text = uuid.uuidString
            #expect(Array(text)[14] == "4", "\(text)")
            #expect("89AB".contains(Array(text)[19]), "\(text)")
        }
    }
}
