import CodirModel

extension Strings {
    public static let french = Strings(
        language: .fr,
        format: Formats(
            decimalSeparator: ",", groupSeparator: " ", percentSpace: " ", colonSpace: " ", monthDay: { let iso = $0.iso8601; return "\(iso.dropFirst(8).prefix(2))/\(iso.dropFirst(5).prefix(2))" }, thousands: " k", millions: " M", points: " pts",
            minutes: "min", hours: "h", days: "j", ago: { "il y a \($0)" }, justNow: "à l'instant", now: "<1 min",
            months: frenchMonths,
            shortMonths: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
            partial: "partiel", windowDays: { "\($0) j" }, windowAll: "tout",
            ordinal: { $0 == 1 ? "1er" : "\($0)e" },
            rankOf: { "\($0) sur \($1)" }, takesPlural: { $0 > 1 }),
        frame: Frame(
            tooSmall: { "terminal trop petit (il faut \($0)×\($1))" },
            loading: "Chargement des données…",
            importHint: "Importez des données avec 'codir import FICHIER…', ou essayez 'codir demo'.",
            window: "fenêtre", silosOfSource: "silos", asOf: "état à", stale: "PÉRIMÉ",
            dataChanged: { "données modifiées \($0)" },
            helpTitle: "Touches et indicateurs",
            help: { arrows, star in
                [
                    "1 2 3 4 5, Tab, Maj-Tab  changer de vue (5 : les données de codir)",
                    "\(arrows), Entrée / Échap  choisir un dirigeant, voir / fermer son détail",
                    "w fenêtre  s tri  d département  f silos par source  r actualiser",
                    "? cette aide  q, Ctrl-C quitter",
                    "",
                    "Eng.         taux d'engagement : engagements / impressions de la fenêtre",
                    "vs préc.     écart avec la fenêtre d'avant ; partiel : données incomplètes",
                    "Couvert.     part des posts des autres dirigeants qu'il a soutenus",
                    "Réciprocité  paires de dirigeants liées dans les deux sens / toutes",
                    "\(star)            tiers des dirigeants les plus engagés envers les salariés",
                    "Indice E-I   (liens externes - internes) / liens : -1 silos, +1 ouvert",
                    "Modularité   combien les départements restent entre eux (élevée : silos)",
                    "Liens        une interaction ou plus de A vers B ; les cartes les comptent",
                    "Ponts        les personnes liées au plus d'autres départements",
                    "Équipe, r    salariés actifs du dépt ; r avec ses posts : pas une cause",
                    "Part, EMV    part de voix ; impr.×cpm/1000 + eng.×cpe : pas un revenu",
                    "–            inconnu, jamais zéro (docs/metrics.md définit chaque chiffre)",
                ]
            },
            keyHelp: " aide", keyQuit: " quitter", keyPanes: " vues", keyBack: " retour", keySelect: " choisir",
            keyDetail: " détail", keyEnter: "Entrée", keyEscape: "Échap", keyWindow: " fenêtre", keySort: " tri", keyDepartment: " dépt", keySource: " source",
            keyRefresh: " actualiser",
            paneReach: "Audience", paneEngagement: "Engagement entre collègues", paneSilos: "Silos",
            paneInfluence: "Influence", paneData: "Données",
            hiddenInMap: { rows, columns in
                [
                    rows > 0 ? "+\(rows) \(rows > 1 ? "lignes" : "ligne")" : nil,
                    columns > 0 ? "+\(columns) \(columns > 1 ? "colonnes" : "colonne")" : nil,
                ].compactMap { $0 }.joined(separator: ", ") + " non affichées (agrandissez le terminal)"
            },
            leadersCovered: { "\($0) sur \($1) dirigeant\($1 > 1 ? "s" : "")" },
            visibilityNote: { "visibility = \"\($0)\"" }),
        personal: Personal(
            keySelectPost: " choisir un post", keyRefresh: " actualiser",
            noLongerInDirectory: {
                [
                    "L'identifiant '\($0)' n'est plus dans l'annuaire des personnes.",
                    "Demandez à la communication de l'ajouter (colonne 'login' du CSV des personnes).",
                ]
            },
            yourReach: { "Votre audience, \($0)" }, impressions: "Impressions",
            versusPrevious: { "vs \($0) précédents" }, engagementRate: "Taux d'engagement", posts: "Posts",
            followers: "Abonnés", rankByImpressions: "Rang (impr.)",
            rankOfLeaders: { "\($0) sur \($1) dirigeants" }, rank: "Rang", notShown: "non affiché",
            earnedMediaValue: "Valeur média (EMV)", pressMentions: "Mentions presse", before: { " (\($0) avant)" },
            dailyImpressions: "Impressions par jour", yourEngagement: "Vos échanges avec les collègues",
            leaders: "dirigeants", employees: "salariés", given: "Donnés", received: "Reçus",
            byDepartment: "Par département", givenReceived: "donnés      reçus", withheld: "masqué",
            noExchange: "Aucun échange avec des collègues dans cette fenêtre.",
            committeeReach: { "Audience du comité, \($0)" }, postsByLeaders: "Posts des dirigeants",
            leadersWhoPosted: "Dirigeants ayant posté", ofLeaders: { "\($0) sur \($1)" },
            employeesActive: "Salariés actifs", pairsBothWays: "Paires de dirigeants réciproques",
            pressItems: "Articles citant un dirigeant", yourNumbers: "Vos chiffres",
            numbersWithheld: {
                [
                    "Chiffres individuels non affichés", "ici : \($0).", "", "Les chiffres du comité et de votre",
                    "département sont montrés à la place.",
                ]
            },
            postsToEngageEmpty: "Posts de collègues à soutenir",
            postsToEngage: { "Posts à soutenir : \($0) sur \($1)" },
            noColleaguePosted: "Aucun collègue n'a posté dans cette fenêtre.",
            engagedWithAll: { n in
                n > 1
                    ? "Vous avez soutenu les \(grouped(n, " ")) posts de collègues de cette fenêtre."
                    : "Vous avez soutenu le post de collègue de cette fenêtre."
            },
            above: { "\($0) au-dessus" }, more: { "\($0) de plus" },
            noLink: { " Aucun lien connu pour ce post (id \($0))." },
            yourDepartment: { "Votre département : \($0)" },
            departmentWithheld: { members, minimum in
                [
                    "Masqué : votre département compte \(members) membres,",
                    "moins que les \(minimum) que ses chiffres exigent", "(min_group_size).",
                ]
            },
            organisationEI: "E-I de l'organisation", noEarlierWindow: "pas de fenêtre antérieure",
            noPrevious: { "pas de \($0) précédents" }, opening: { "s'ouvre (\($0) avant)" },
            closing: { "se ferme (\($0) avant)" }, steady: "stable", eiIndex: "Indice E-I", trend: "Tendance",
            tiesInside: "Liens internes", tiesAcross: "Liens externes", departmentRank: { "\($0) sur \($1) par E-I" },
            teamActive: "Équipe active", closed: "-1 fermé", open: "+1 ouvert"),
        wall: Wall(
            panesRotate: { "  les vues changent toutes les \($0) s" },
            committeeReach: { "audience du comité, \($0)" }, reachShort: { "vues \($0)" },
            versusPreviousDetail: { "\($0) vs avant" }, change: { "écart vs \($0) précédents" },
            changeShort: "vs précédents", ofImpressions: "des impressions", eiIndexCaption: "indice E-I (silos)",
            eiIndexShort: "E-I",
            eiTrend: { opening, change in "\(opening ? "s'ouvre" : "se ferme") en 12 semaines (\(change))" },
            noTrend: "pas encore de tendance", employeesActive: "salariés actifs", activeShort: "actifs",
            ofTotal: { "\($0) sur \($1)" }, earnedMediaValue: "valeur média gagnée", emvShort: "EMV",
            notRevenue: { "\($0), pas un revenu" }, pressItems: "articles citant un dirigeant", pressShort: "presse",
            previousWindow: { "\($0) précédents : \($1)" }, inTheWindow: "dans la fenêtre", press: "Presse",
            named: { actor, kind, target in
                switch kind {
                case .reaction: "\(actor) a réagi au post \(frenchOf(target))"
                case .comment: "\(actor) a commenté le post \(frenchOf(target))"
                case .share: "\(actor) a partagé le post \(frenchOf(target))"
                case .message: "\(actor) a écrit à \(target)"
                case .mention: "\(actor) a mentionné \(target)"
                }
            },
            departments: { actor, kind, target in
                switch kind {
                case .reaction: "\(actor) a réagi à un post \(frenchOf(target))"
                case .comment: "\(actor) a commenté un post \(frenchOf(target))"
                case .share: "\(actor) a partagé un post \(frenchOf(target))"
                case .message: "\(actor) a écrit à \(target)"
                case .mention: "\(actor) a mentionné quelqu'un \(frenchOf(target))"
                }
            },
            smallDepartment: "un petit département",
            noInteractions: "Aucune interaction dans cette fenêtre pour l'instant."),
        panes: Panes(
            post: Noun("post", "posts"), leader: Noun("dirigeant", "dirigeants"),
            pressItem: Noun("article de presse", "articles de presse"), day: Noun("jour", "jours"),
            reachTitle: { sep, sort in "Audience \(sep) triée par \(sort)" },
            sortImpressions: "impressions", sortChange: "écart", sortEngagementRate: "taux d'engagement", sortPosts: "posts",
            sortFollowers: "abonnés", sortGrowth: "croissance des abonnés", sortName: "nom",
            columnLeader: "Dirigeant", columnDepartment: "Département", columnImpressions: "Impr.",
            columnVersusPrevious: "vs préc.", columnEngagement: "Eng.", columnPosts: "Posts", columnFollowers: "Abonnés",
            columnGrowth: "Croiss.", columnDaily: "Impressions par jour", noReachData: "pas de données d'audience",
            committeeImpressions: "impressions du comité", leadersWithData: { "\($0)/\($1) dirigeants" },
            postsByLeaders: "posts des dirigeants", leadersPosted: { "\($0) sur \($1) ont posté" },
            eiIndexSilos: "indice E-I (silos)", closedOpen: "−1 fermé, +1 ouvert",
            committeeLine: { impressions, whose, change, posts, active, sep in
                "Comité : \(impressions) impressions (\(whose)) \(change) \(sep) \(posts) \(sep) \(active) actifs"
            },
            dailyOf: { name, day in
                let c = day.components
                return "Impressions par jour \(frenchOf(name)) depuis le \(c.day == 1 ? "1er" : String(c.day)) \(frenchMonths[max(0, min(11, c.month - 1))]) (Entrée : détail)"
            },
            columnToLeaders: "aux dir.", columnToEmployees: "aux sal.", columnFromLeaders: "des dir.",
            columnFromEmployees: "des sal.", columnCoverage: "Couvert.",
            reciprocity: { "Réciprocité \($0) : \($1) des \($2) paires de dirigeants liées le sont dans les deux sens" },
            topThird: { "\($0) tiers le plus engagé envers les posts des salariés" },
            whoEngagesWithWhom: { "Qui soutient les posts de qui (interactions, ligne \($0) colonne)" },
            eiIndex: "Indice E-I", modularity: "Modularité",
            weeksTrend: { n, first, arrow, last in "\(n) semaines : \(first) \(arrow) \(last)" },
            ties: { across, sep, within in "liens : \(across) externes \(sep) \(within) internes" },
            mapCaption: { arrow, sep in
                "Interactions entre départements (ligne \(arrow) colonne) \(sep) indice E-I de chacun, sur les liens"
            },
            bridges: "Ponts (autres départements atteints)", notNamed: { "Non nommés ici (\($0))." },
            weekHeader: "Semaine du     E-I  Modularité",
            influenceTitle: { "Influence \($0) exemplarité, impact médiatique, valeur de marché" },
            columnTeam: "Équipe", columnPosts12: "Posts, 12 sem", columnPress: "Presse", columnShare: "Part",
            columnAudience: "Audience", columnHashtags: "Hashtags", columnRegular: "Régul.",
            teamWithheld: { "Les chiffres d'équipe des départements de moins de \($0) salariés sont masqués." },
            notRevenue: "pas un revenu", pressItems: "articles de presse", editorialLine: "Ligne éditoriale : ",
            noHashtags: "aucun hashtag sur les posts des dirigeants dans cette fenêtre",
            rates: { "\($0) pour 1 000 impressions, \($1) par engagement" },
            marketValue: { emv, rates in
                "Valeur de marché : \(emv) de valeur média gagnée à \(rates) : le coût de cette audience en publicité, pas un revenu"
            },
            marketValueShort: { emv, cpm, cpe in
                "Valeur de marché : EMV \(emv) (\(cpm)/1k impr., \(cpe)/eng.), pas un revenu"
            },
            fluidity: { ei, spark, n, first, arrow, last in
                "Fluidité : indice E-I \(ei) \(spark) \(n) semaines : \(first) \(arrow) \(last)"
            },
            mediaImpact: { count, window, previous in
                "Impact médiatique : \(grouped(count, " ")) article\(count > 1 ? "s" : "") citant un dirigeant"
                    + (previous.map { " (\(window) précédents : \($0))" } ?? "")
            },
            headlinesWithheld: { "Les titres nomment des dirigeants : non affichés sous \($0)." },
            noPressItem: "Aucun article ne cite de dirigeant ici (codir import un flux ou un CSV presse).",
            dataTitle: { sep, days in "Données \(sep) périmées après \(grouped(days, " ")) jour\(days > 1 ? "s" : "")" },
            groupArchive: "Archive LinkedIn", groupAnalytics: "Statistiques LinkedIn", groupEvents: "Événements",
            groupTraffic: "Messagerie & mail", noLeaders: "Aucun dirigeant à afficher.",
            moreHidden: { "+\($0) de plus (agrandissez le terminal, ou codir status)" },
            legend: { arrow, stale in
                "JJ/MM\(arrow)JJ/MM : la période couverte ; puis l'âge du dernier fichier (\(stale) périmé)."
            },
            nothingToAsk: "Rien à demander : les données de chaque dirigeant sont à jour.",
            askForExport: "Demandez un export récent :", moreRequests: { "+\($0) de plus (codir status les liste toutes)" },
            ageDays: { "\($0) j" }, noneYet: "aucun", lastFile: { "dernier fichier \($0)" }, never: "jamais",
            sourceTitle: { source in
                switch source {
                case .archive: "archive LinkedIn"
                case .analytics: "statistiques LinkedIn"
                case .events: "événements"
                case .slack: "Slack"
                case .email: "e-mail"
                case .vivaEngage: "Viva Engage"
                }
            },
            withheldNotALeader: {
                "Les chiffres individuels des dirigeants ne sont pas affichés (\($0) ; vous n'êtes pas dirigeant)."
            },
            withheldSelf: { "Votre ligne seulement : les chiffres des autres dirigeants sont masqués (\($0))." },
            withheldAggregate: { "Les chiffres individuels des dirigeants ne sont pas affichés (\($0))." },
            engagements: "Engagements", growthCounts: "Croiss. abonnés (comptes)", growthDaily: "Croiss. abonnés (par jour)",
            growth: "Croissance des abonnés", givenToLeaders: "Donnés aux dirigeants", givenToEmployees: "Donnés aux salariés",
            receivedFromLeaders: "Reçus des dirigeants", receivedFromEmployees: "Reçus des salariés",
            coverageOfLeaders: "Couverture posts des dir.", influence: "Influence",
            audienceOf: { "Audience (statistiques du \($0))" }, dailyFrom: { "Impressions par jour, \($0) (depuis le \($1))" },
            loadingWho: "Chargement de qui soutient ses posts…", whoEngages: "Qui soutient ses posts",
            noOne: "Personne dans cette fenêtre.", whosePosts: "Les posts qu'il ou elle a soutenus", leaderRole: " (dirigeant)",
            noOnesPosts: "Aucun post dans cette fenêtre.", inThePress: "Dans la presse", posts12r: "Posts, 12 sem ; r",
            hashtags: "Hashtags", none: "aucun", previousShort: { " (préc. \($0))" }, growthRate: "Croissance des abonnés",
            regularity: "Régularité (semaines)"),
        report: Report(
            person: Noun("personne", "personnes"),
            employee: Noun("salarié", "salariés"),
            interaction: Noun("interaction", "interactions"),
            engagedPair: Noun("paire liée", "paires liées"),
            otherDepartment: Noun("autre département", "autres départements"),
            windowTitle: { "\($0) · fenêtre \($1)" },
            fromTo: { start, end in start.map { "Du \($0) au \(end)" } ?? "Jusqu'au \(end)" },
            peopleLine: { "\($0) (\($1), \($2)) · \($3) salariés actifs (\($4))" },
            published: { "\($0) · \($1) publiés" },
            sectionReach: "AUDIENCE",
            noLeaders: "Aucun dirigeant dans l'annuaire.",
            columnFollowers: "Abonnés",
            reachLegend: { "Impr. : impressions ; vs préc. : par rapport aux \($0) précédents ; Eng. : taux d'engagement." },
            partialNote: { "partiel : les données du dirigeant commencent dans les \($0) précédents, d'où aucun écart." },
            unrankedNote: "Un dirigeant sans rang n'a pas d'impressions dans codir pour cette fenêtre : inconnu, pas zéro.",
            sectionEngagement: "ENGAGEMENT ENTRE COLLÈGUES (réactions, commentaires, partages)",
            columnToLeaders: "aux dirig.",
            coverageNote: "Couvert. : part des posts des autres dirigeants de la fenêtre soutenus.",
            reciprocity: { "Réciprocité du comité : \($0) (\($1) des \($2) paires de dirigeants liées le sont dans les deux sens)" },
            matrixTitle: "Qui soutient qui (ligne : le dirigeant qui soutient ; colonne : l'auteur du post)",
            sectionInfluence: "INFLUENCE : exemplarité, impact médiatique, valeur de marché, fluidité",
            exemplarityIntro: "Exemplarité : l'équipe active de chaque dirigeant, ses posts par semaine",
            columnTeam: "Équipe",
            columnActive: "Actifs",
            columnPrevious: "Préc.",
            columnChange: "Écart",
            columnPosts12: "Posts, 12 sem.",
            activeNote: "Actifs : les salariés du département qui ont interagi avec quelqu'un, sur tous. r : corrélation des posts hebdomadaires du dirigeant avec la part hebdomadaire d'actifs de son équipe, sur les semaines avec données : une indication, pas une cause (aucune avec moins de 4 semaines).",
            editorialLine: "Ligne éditoriale",
            committeeHashtags: "Hashtags du comité : ",
            columnHashtags: "Hashtags",
            columnCadence: "Cadence",
            columnRegularity: "Régularité",
            cadenceNote: "Cadence : posts par semaine sur 12 semaines, la plus ancienne d'abord. Régularité : la part de ces semaines avec un post.",
            mediaImpact: "Impact médiatique",
            mediaImpactPrefix: "Impact médiatique : ",
            columnMentions: "Mentions",
            columnAudience: "Audience",
            columnShareOfVoice: "Part de voix",
            latestHeadlines: "Derniers titres",
            marketValueLine: { "Valeur de marché : \($0) de valeur média gagnée pour le comité" },
            columnFollowerGrowth: "Croiss. abonnés",
            columnRank: "Rang",
            fluidityLine: { "Fluidité de l'organisation : indice E-I \($0) (SILOS ci-dessus : de -1, tous les liens internes aux départements, à +1, tous transverses)." },
            sectionSilosOf: { "SILOS (interactions de \($0) seulement)" },
            sectionSilos: "SILOS (toutes les interactions entre départements)",
            eiModularity: { "Indice E-I \($0) · modularité \($1)" },
            tiesLine: { "Liens : \($0) entre départements, \($1) internes" },
            eiWeeks: { "E-I, \($0) dernières semaines : \($1)  \($2) → \($3)" },
            eiRange: "L'E-I va de -1 (tous les liens internes aux départements) à +1 (tous transverses).",
            columnMembers: "Membres",
            columnWithin: "Internes",
            columnAcross: "Externes",
            withheldDepartments: { "masqué : un département de moins de \($0) membres (min_group_size), dont les chiffres ne sont pas affichés." },
            matrixCaption: "Interactions du département (ligne) vers le département (colonne)",
            withheldShort: "masq.",
            withheldShortNote: { "masq. : masqué, un département de moins de \($0) membres." },
            matrixTooWide: { "Matrice des départements : \($0) départements, trop large pour du texte ; utilisez --format json ou csv --table matrix." },
            topBridges: "Principaux ponts (les personnes liées au plus d'autres départements)",
            noneInWindow: "Aucun dans cette fenêtre.",
            bridgeDepartments: { "\($0) dépt" },
            committeeLine: { impressions, whose, change, window, posts, posted, leaders in "Comité : \(impressions) impressions (données de \(whose)) \(change) vs \(window) précédents · \(posts) · \(posted) sur \(leaders) ont posté" },
            withheldNotALeader: { "Les chiffres individuels des dirigeants ne sont pas affichés : la configuration de cette installation fixe \($0), et votre identifiant n'est pas celui d'un dirigeant de l'annuaire." },
            withheldSelf: { "Seule votre ligne est affichée : la configuration de cette installation fixe \($0)." },
            withheldAggregate: { "Les chiffres individuels des dirigeants ne sont pas affichés : la configuration de cette installation fixe \($0)." },
            ratesNote: { "Valeur média gagnée : ce que cette audience coûterait en publicité, à \($0) pour 1 000 impressions et \($1) par engagement ([value] dans la configuration). Une estimation, pas un revenu." },
            noHashtags: "Aucun hashtag sur les posts des dirigeants dans cette fenêtre.",
            mentions: { count, window, previous in "\(grouped(count, " ")) article\(count > 1 ? "s" : "") citant un dirigeant" + (previous.map { " (\(window) précédents : \($0))" } ?? "") },
            title: { "\($0) : rapport d'influence" },
            period: { "du \($0) au \($1)" },
            everythingUpTo: { "tout jusqu'au \($0)" },
            headlineImpressions: { "**\($0) impressions** pour le comité" },
            headlineCoverage: { " (données de \($0))" },
            headlineChange: { ", \($0) par rapport aux \($1) précédents" },
            headlinePosts: { " ; **\($0)** par \($1) sur \($2)" },
            headlineActive: { " ; **\($0)** des salariés actifs (\($1) sur \($2))" },
            headlineReciprocity: { " ; les dirigeants se soutiennent dans les deux sens dans **\($0)** de leurs paires" },
            headlineSilos: { " ; silos : indice E-I **\($0)**\($1)" },
            opening: ", en ouverture",
            closing: ", en fermeture",
            interactionsAndPosts: { "\($0) et \($1) dans la fenêtre." },
            columnImpressions: "Impressions",
            columnVersusPrevious: "vs précédents",
            columnEngagementRate: "Taux d'engagement",
            columnGrowth: "Croissance",
            reachNote: { length, partial, unranked in "_Impressions et taux d'engagement (engagements / impressions) sur la fenêtre ; vs précédents : l'écart avec les \(length) d'avant" + (partial ? " (partiel : les données du dirigeant y commencent)" : "") + " ; – inconnu, jamais zéro" + (unranked ? " ; sans rang : aucune impression connue" : "") + "._" },
            columnToLeadersLong: "Aux dirigeants",
            columnToEmployeesLong: "Aux salariés",
            columnFromLeadersLong: "Des dirigeants",
            columnFromEmployeesLong: "Des salariés",
            columnCoverageLong: "Couverture",
            reciprocityBold: { "Réciprocité du comité : **\($0)** (\($1) des \($2) le sont dans les deux sens)." },
            engagementNote: "_Réactions, commentaires et partages sur les posts, donnés et reçus ; couverture : la part des posts des autres dirigeants que le dirigeant a soutenus._",
            silosLine: { "Indice E-I **\($0)**, modularité **\($1)**. E-I par semaine : \($2)." },
            silosNote: "_Indice E-I : (liens entre départements − liens internes) / tous les liens, de −1 (chaque département reste entre soi) à +1 (chaque lien franchit une frontière) ; un lien est une paire de personnes avec au moins une interaction. Modularité : à quel point les départements restent entre eux (élevée : silos)._",
            columnTiesWithin: "Liens internes",
            columnTiesAcross: "Liens externes",
            topBridgesColon: "Principaux ponts :",
            exemplarity: "Exemplarité",
            noTeamFigures: "Aucun chiffre d'équipe à afficher.",
            columnPreviousLong: "Précédent",
            columnPostsPerWeek: "Posts par semaine (12)",
            activeNoteLong: "_Actifs : les salariés du département qui ont interagi avec quelqu'un dans la fenêtre, sur tous. r : corrélation de Pearson des posts hebdomadaires du dirigeant avec la part hebdomadaire d'actifs de son équipe sur 12 semaines, une indication, pas une cause (aucune quand l'une est constante ou que moins de 4 semaines ont des données)._",
            regularityNote: "_Régularité : la part des 12 semaines où le dirigeant a posté._",
            latestHeadlinesColon: "Derniers titres :",
            marketValue: "Valeur de marché",
            committeeValue: { "Comité : **\($0)** de valeur média gagnée." },
            fluidity: "Fluidité de l'organisation",
            fluidityBold: { "Indice E-I **\($0)** : voir la section Silos ci-dessus." },
            wholeHistory: "tout l'historique",
            reachHeading: "Audience"),
        messages: Messages(
            statusTitle: { "\($0) : les données de codir pour chaque dirigeant, au \($1) UTC" },
            staleAfter: { "Une source est périmée quand son dernier fichier a plus de \($0)." },
            eachSource: "Par source : période couverte, nombre d'éléments, âge du dernier fichier.",
            noDataYet: "  aucune donnée pour l'instant",
            period: { "\($0) au \($1)" },
            record: Noun("élément", "éléments"),
            file: { "fichier \($0)" },
            staleMark: "  PÉRIMÉ",
            askForExport: "Demandez un export récent (LinkedIn : Préférences, Confidentialité des données,",
            askForExport2: "Obtenir une copie de vos données ; et Statistiques, Exporter) :",
            noDatabase: { "pas de base de données à \($0) ; en attente" },
            buildingDemo: { "Construction de l'historique de démonstration : \($0)" },
            noPasswordEntry: { "l'utilisateur \($0) n'a pas d'entrée dans la base des mots de passe : codir ne peut pas savoir qui vous êtes" },
            onlyAdmins: { file, login in "seuls les admins nommés dans la configuration\(file.map { " \($0)" } ?? " (aucun fichier de configuration trouvé)") peuvent utiliser --as ; vous êtes '\(login)'" },
            noSuchLogin: { path, login, close in "personne dans l'annuaire de \(path) n'a l'identifiant '\(login)'" + (close.map { " ; vouliez-vous dire \($0) ?" } ?? "") },
            whoeverRunsCodir: "la personne qui gère codir pour votre comité",
            notInDirectory: { "votre identifiant '\($0)' n'est pas encore dans l'annuaire de codir : demandez à \($1) de l'ajouter à votre ligne (colonne 'login' du fichier des personnes, puis 'codir import people.csv')" },
            meNeedsTerminal: "codir me a besoin d'un terminal sur la sortie standard ; en ssh, connectez-vous sans commande ou avec 'ssh -t'",
            needsTerminal: { "codir \($0) a besoin d'un terminal sur la sortie standard ; pour du texte, utilisez 'codir report'" }),
        imports: Imports(
            canonical: { file, imported, duplicates, rejected in "\(file) : \(frenchCount(imported, "importé", "importés")), \(frenchCount(duplicates, "doublon", "doublons")), \(frenchCount(rejected, "rejeté", "rejetés"))" },
            canonicalTotal: { file, imported, duplicates, rejected in "\(file) : \(frenchCount(imported, "importé", "importés")), \(frenchCount(duplicates, "doublon", "doublons")), \(frenchCount(rejected, "rejeté", "rejetés")) en tout" },
            followed: { file, imported, duplicates, rejected in "\(file) : +\(frenchCount(imported, "importé", "importés")), \(frenchCount(duplicates, "doublon", "doublons")), \(frenchCount(rejected, "rejeté", "rejetés"))" },
            readAs: { " (lu avec le séparateur '\($0)')" },
            departmentReadAs: { " ; département \($0) lu comme '\($1)'" },
            notInDirectory: " ; hors de l'annuaire : ",
            dryRun: " (essai : rien n'est écrit)",
            mail: { file, messages, imported, duplicates, skipped, broadcasts, maximum, rejected in "\(file) : \(frenchCount(messages, "message", "messages")) : \(frenchCount(imported, "interaction importée", "interactions importées")), \(frenchCount(duplicates, "déjà importée", "déjà importées")), \(frenchCount(skipped, "ignorée", "ignorées")) (un bout hors de l'annuaire), \(frenchCount(broadcasts, "envoi de masse", "envois de masse")) (plus de \(maximum) destinataires de l'annuaire), \(frenchCount(rejected, "rejeté", "rejetés"))" },
            mailPrivacy: " ; seuls les expéditeurs, destinataires et dates ont été lus : aucun objet ni contenu n'est conservé",
            slack: { file, conversations, messages, imported, duplicates, skipped, ignored in "\(file) : export Slack, \(frenchCount(conversations, "conversation", "conversations")), \(frenchCount(messages, "message", "messages")) : \(frenchCount(imported, "interaction importée", "interactions importées")), \(frenchCount(duplicates, "déjà importée", "déjà importées")), \(frenchCount(skipped, "ignorée", "ignorées")) (un bout hors de l'annuaire), \(frenchCount(ignored, "message de bot ou système", "messages de bots ou système"))" },
            chatPrivacy: " ; seuls l'auteur, le destinataire et la date ont été lus : aucun texte de message n'est conservé",
            vivaEngage: { file, messages, imported, duplicates, skipped, orphans in "\(file) : export Viva Engage, \(frenchCount(messages, "message", "messages")) : \(frenchCount(imported, "interaction importée", "interactions importées")), \(frenchCount(duplicates, "déjà importée", "déjà importées")), \(frenchCount(skipped, "ignorée", "ignorées")) (un bout hors de l'annuaire), \(frenchCount(orphans, "réponse à un message absent de l'export", "réponses à des messages absents de l'export"))" },
            press: { file, items, naming, mentions, duplicates, rejected in "\(file) : presse, \(frenchCount(items, "nouvel article", "nouveaux articles"))" + (naming > 0 ? ", \(naming) citant un dirigeant (\(frenchCount(mentions, "mention", "mentions")))" : "") + (duplicates > 0 ? ", \(frenchCount(duplicates, "déjà connu", "déjà connus"))" : "") + (rejected > 0 ? ", \(frenchCount(rejected, "rejeté", "rejetés"))" : "") },
            following: { "ingest : suivi de \($0)" },
            watching: { "ingest : surveillance de \($0)" }),
        database: Database(
            missing: { "pas de base codir à \($0) ; créez-en une avec 'codir import FICHIER' ou 'codir demo', ou indiquez une base existante avec --db" },
            cannotCreate: { "impossible de créer la base à \($0) (\($1)) ; choisissez un emplacement accessible en écriture avec --db ou $CODIR_DB" },
            cannotOpen: { "impossible d'ouvrir la base à \($0) (\($1)) ; vérifiez les droits du fichier" },
            notCodirDatabase: { "\($0) n'est pas une base codir ; indiquez avec --db une base codir ou un nouveau fichier" },
            newerSchema: { "\($0) a été écrite par une version plus récente de codir ; mettez codir à jour pour la lire" },
            locked: { "la base à \($0) est verrouillée par un autre processus ; réessayez quand il aura fini" },
            walFilesMissing: { "impossible de lire la base à \($0) : ses fichiers -wal et -shm manquent et cet utilisateur ne peut pas les créer ; lancez une fois un codir import en tant que rédacteur (par exemple 'codir import --organisation NOM') pour les créer" },
            full: { "le disque de la base à \($0) est plein : rien de cet import n'a été écrit ; libérez de la place et relancez-le" },
            unknownPerson: { "aucune personne n'a l'id '\($1)' dans l'annuaire de \($0) (les ids sont la colonne 'id' du fichier des personnes) ; rien n'a changé" },
            io: { "impossible d'utiliser la base à \($0) : \($1)" }),
        lines: Lines(
            negativeCount: { "nombre négatif \($0) dans '\($1)'" },
            implausibleCount: { "nombre invraisemblable \($0) dans '\($1)' (au-delà de 10^12)" },
            dateOutside: { "la date \($0) dans '\($1)' est hors de 1970-01-01 à 2100-12-31" },
            dayOutside: { "le jour \($0) dans '\($1)' est hors de 1970-01-01 à 2100-12-31" },
            badDay: { "jour invalide '\($0)' dans 'day' (attendu AAAA-MM-JJ)" },
            dailyNeedsOne: "une ligne daily demande au moins 'impressions', 'engagements' ou 'new_followers'",
            unknownType: { "type inconnu '\($0)' (attendu : \($1))" },
            containsNUL: { "le champ '\($0)' contient un caractère NUL" },
            notAList: { "le champ '\($0)' doit être un texte, pas une liste" },
            notAString: { "le champ '\($0)' doit être un texte, pas \($1)" },
            notHashtags: { "le champ '\($0)' doit être une liste de hashtags, pas \($1)" },
            badHashtag: { "hashtag invalide '\($0)' dans '\($1)' (lettres et chiffres, \($2) au plus)" },
            missingField: { "champ '\($0)' manquant" },
            badTimestamp: { "horodatage invalide '\($0)' dans '\($1)' (attendu ISO 8601 avec un fuseau, comme 2026-11-02T09:30:00Z)" },
            nonNumeric: { "nombre non numérique '\($0)' dans '\($1)'" },
            nonNumericList: { "nombre non numérique (une liste) dans '\($0)'" },
            nonNumericOther: { "nombre non numérique \($0) dans '\($1)'" },
            badRole: { "rôle invalide '\($0)' (attendu leader ou employee)" },
            badLogin: { "identifiant invalide '\($0)' (attendu un login unix : lettres, chiffres, '.', '_', '-')" },
            badEmail: { "adresse e-mail invalide '\($0)' dans 'email' (attendu nom@domaine, plusieurs séparées par ';')" },
            notUTF8: "la ligne n'est pas en UTF-8 valide ; enregistrez le fichier en UTF-8",
            oneObjectPerLine: "JSON mal formé : un objet par ligne attendu",
            malformedJSON: { "JSON mal formé : \($0)" },
            unclosedQuote: "CSV mal formé : un champ entre guillemets n'est pas fermé avant la fin du fichier",
            textAfterQuote: "CSV mal formé : du texte inattendu après un guillemet fermant",
            quoteInField: "CSV mal formé : un guillemet dans un champ sans guillemets",
            fieldCount: { "\($0) champs attendus comme dans l'en-tête, \($1) trouvés" },
            emptyFile: "le fichier est vide",
            duplicateColumn: { "la colonne '\($0)' apparaît deux fois dans l'en-tête" },
            noTypeColumn: "l'en-tête des événements n'a pas de colonne 'type'",
            unknownColumnTypo: { "colonne inconnue '\($0)' dans l'en-tête ; vouliez-vous dire '\($1)' ? Rien n'a été importé de ce fichier" },
            ignoringColumns: { "colonne\($0.count > 1 ? "s" : "") inconnue\($0.count > 1 ? "s" : "") ignorée\($0.count > 1 ? "s" : "") : \($0.map { "'\($0)'" }.joined(separator: ", "))" },
            loginTaken: { "l'identifiant '\($0)' appartient déjà à la personne '\($1)'" },
            emailTaken: { "l'adresse e-mail '\($0)' appartient déjà à la personne '\($1)'" },
            unknownPerson: { "personne inconnue '\($0)' dans '\($1)' ; importez d'abord le fichier des personnes" },
            unknownPost: { "post inconnu '\($0)' ; importez d'abord le post" }),
        files: frenchFiles, sources: frenchSources, commands: frenchCommands, help: frenchHelp)
}

/// `1 importé`, `0 importé`, `2 importés`: French takes the singular for 0 and 1.
func frenchCount(_ count: Int, _ one: String, _ other: String) -> String {
    "\(grouped(count, " ")) \(count > 1 ? other : one)"
}

/// `de Paul Durand`, `d'Isabelle Moreau`, `d'un petit département`: French elides « de » before a vowel or a mute h
/// (given names starting with h nearly always take it: `d'Hélène`).
func frenchOf(_ name: String) -> String {
    guard let first = name.first, "aeiouyhàâäéèêëîïôöùûüœAEIOUYHÀÂÄÉÈÊËÎÏÔÖÙÛÜŒ".contains(first) else { return "de \(name)" }
    return "d'\(name)"
}

let frenchMonths = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre",
]
