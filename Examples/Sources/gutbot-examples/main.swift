import GutBotCLI
import QuickReference

GutBotCLI.main(plugins: [QuickReferencePlugin()])
