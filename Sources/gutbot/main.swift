import GutBotCLI

// The whole command line lives in GutBotCLI, so that an executable with Swift
// plugins of its own is this file plus its plugins (see Examples/).
GutBotCLI.main()
