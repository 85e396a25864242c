audit verify
