import CodirModel

extension Strings {
    public static let french = Strings(
        language: .fr,
        format: Formats(
            decimalSeparator: ",", groupSeparator: " ", percentSpace: " ", thousands: " k", millions: " M", points: " pts",
            minutes: "min", hours: "h", days: "j", ago: { "il y a \($0)" }, justNow: "à l'instant", now: "<1 min",
            months: [
                "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
                "décembre",
            ],
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
                    "\(arrows), Entrée / Échap  choisir un dirigeant, ouvrir / fermer son détail",
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
            keyDetail: " détail", keyWindow: " fenêtre", keySort: " tri", keyDepartment: " dépt", keySource: " source",
            keyRefresh: " actualiser",
            paneReach: "Audience", paneEngagement: "Engagement entre collègues", paneSilos: "Silos",
            paneInfluence: "Influence", paneData: "Données",
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
                case .reaction: "\(actor) a réagi au post de \(target)"
                case .comment: "\(actor) a commenté le post de \(target)"
                case .share: "\(actor) a partagé le post de \(target)"
                case .message: "\(actor) a écrit à \(target)"
                case .mention: "\(actor) a mentionné \(target)"
                }
            },
            departments: { actor, kind, target in
                switch kind {
                case .reaction: "\(actor) a réagi à un post de \(target)"
                case .comment: "\(actor) a commenté un post de \(target)"
                case .share: "\(actor) a partagé un post de \(target)"
                case .message: "\(actor) a écrit à \(target)"
                case .mention: "\(actor) a mentionné quelqu'un de \(target)"
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
            dailyOf: { "Impressions par jour de \($0) depuis le \($1) (Entrée : détail)" },
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
                "MM-JJ\(arrow)MM-JJ : la période couverte ; puis l'âge du dernier fichier (\(stale) périmé)."
            },
            nothingToAsk: "Rien à demander : les données de chaque dirigeant sont à jour.",
            askForExport: "Demandez un export récent :", moreRequests: { "+\($0) de plus (codir status les liste toutes)" },
            ageDays: { "\($0) j" }, noneYet: "rien encore", lastFile: { "dernier fichier \($0)" }, never: "jamais",
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
            regularity: "Régularité (semaines)"))
}
