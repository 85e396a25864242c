help peers
