import Foundation
import Testing

@testable import TollgateCore

@Suite("SecretMasker: every form of every secret, in one pass")
struct SecretMaskerTests {
    @Test("a secret is masked everywhere it occurs, and text without secrets is returned unchanged")
    func masksEveryOccurrence() {
        let masker = SecretMasker()
        #expect(masker("nothing known yet") == "nothing known yet")
        masker.add("hunter22")
        #expect(masker("pw=hunter22; again hunter22.") == "pw=***; again ***.")
        #expect(masker("hunter2 is not it") == "hunter2 is not it")
        #expect(masker("") == "")
        #expect(masker.isClean("hunter2") && !masker.isClean("xhunter22x"))
    }

    @Test("a token's base64 encoding and the session id it decodes to are masked too")
    func masksForms() {
        let sessionID = "4f1c9a7e-2b3d-4e5f-8a9b-0c1d2e3f4a5b"
        let token = Data(sessionID.utf8).base64EncodedString()
        let masker = SecretMasker()
        masker.add(token)
        let encodedToken = Data(token.utf8).base64EncodedString()
        #expect(masker("id \(sessionID) token \(token) twice \(encodedToken)") == "id *** token *** twice ***")
    }

    @Test("Basic credentials: the password and the header value")
    func basicCredentials() {
        let masker = SecretMasker()
        masker.addBasicCredentials(user: "admin", password: "s3cret!")
        let header = Data("admin:s3cret!".utf8).base64EncodedString()
        #expect(masker("Authorization: Basic \(header) with s3cret!") == "Authorization: Basic *** with ***")
        #expect(masker("user admin") == "user admin")
    }

    @Test("short values are only masked when marked secret, then at any length")
    func shortValues() {
        let masker = SecretMasker()
        masker.add("abc")
        #expect(masker("abc") == "abc")
        masker.addMarked("abc")
        #expect(masker("xabcx abc") == "x***x ***")
        masker.addMarked("Z")
        #expect(masker("aZa") == "a***a")
        masker.addMarked("")
        #expect(masker("empty stays") == "empty stays")
    }

    @Test("a secret that is a prefix or a suffix of another: the longer one is masked whole")
    func prefixesAndSuffixes() {
        let masker = SecretMasker()
        masker.add("abcd")
        masker.add("abcdefgh")
        masker.add("efgh")
        #expect(masker("[abcdefgh]") == "[***]")
        #expect(masker("[abcdefg]") == "[***efg]")
        #expect(masker("[abcd][efgh]") == "[***][***]")
        #expect(masker("zzabcdzz") == "zz***zz")
    }

    @Test("overlapping occurrences become one mask, so no part of either secret shows")
    func overlaps() {
        let masker = SecretMasker()
        masker.add("abcdef")
        masker.add("defghi")
        #expect(masker("xabcdefghix") == "x***x")
        // The later, longer match must not leave the start of the earlier one visible, and the other way round.
        masker.add("1234")
        masker.add("345678")
        #expect(masker("012345678") == "0***")
        // Self-overlap: occurrences of one secret that overlap each other.
        masker.add("aaaa")
        #expect(masker("baaaaaab") == "b***b")
        // Adjacent, not overlapping: two masks.
        #expect(masker("abcdefabcdef") == "******")
    }

    @Test("failure links: a partial match that fails still finds a secret starting inside it")
    func failureLinks() {
        let masker = SecretMasker()
        masker.add("abcabd")
        masker.add("cabx")
        #expect(masker("abcabcabd") == "abc***")
        #expect(masker("abcabx") == "ab***")
    }

    @Test("unicode: secrets and text with multi-byte scalars and combining marks stay valid text")
    func unicode() {
        let masker = SecretMasker()
        masker.add("пароль🔑")
        masker.add("café")
        #expect(masker("le mot: пароль🔑!") == "le mot: ***!")
        #expect(masker("un café, deux cafés") == "un ***, deux ***s")
        #expect(masker("日本語 пароль🔑 日本語") == "日本語 *** 日本語")
        // A decomposed é is other bytes: it is not this secret.
        #expect(masker("cafe\u{301}").unicodeScalars.count == 5)
        // Text that is not ASCII around a secret, and a secret next to a combining mark.
        #expect(masker("ß café\u{308}") == "ß ***\u{308}")
    }

    @Test("400 secrets: each is masked, others are left alone")
    func manySecrets() {
        let masker = SecretMasker()
        let secrets = (0..<400).map { "tok-\($0)-\(String($0 * 7919, radix: 36))" }
        for secret in secrets { masker.add(secret) }
        for (index, secret) in secrets.enumerated() where index.isMultiple(of: 13) {
            #expect(masker("a \(secret) b") == "a *** b")
        }
        #expect(masker("tok-x-none and tok-12") == "tok-x-none and tok-12")
        let all = secrets.joined(separator: " ")
        #expect(masker(all) == Array(repeating: "***", count: secrets.count).joined(separator: " "))
    }

    @Test("secrets added from many tasks while others mask: every added secret is masked once add returns")
    func concurrentAdds() async {
        let masker = SecretMasker()
        let leaks = await withTaskGroup(of: Int.self) { group in
            for task in 0..<16 {
                group.addTask {
                    var leaks = 0
                    for index in 0..<8 {
                        let secret = "secret-\(task)-\(index)-value"
                        masker.add(secret)
                        if masker("<a>\(secret)</a>") != "<a>***</a>" { leaks += 1 }
                    }
                    return leaks
                }
            }
            return await group.reduce(0, +)
        }
        #expect(leaks == 0)
        #expect(masker("secret-0-0-value secret-15-7-value") == "*** ***")
    }
}
