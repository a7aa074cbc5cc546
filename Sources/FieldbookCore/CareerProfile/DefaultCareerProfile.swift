import Foundation

/// The career profile Fieldbook ships: every section of an IPS career profile, in plain words.
/// A new data folder gets a copy as `career-profile.json`, which the agency may edit; folders
/// without one use this. (Kept as a Swift literal rather than a bundle resource, so a copied
/// binary never looks for a resource bundle beside itself.)
public enum DefaultCareerProfile {
    /// The definition, checked (a test keeps it valid).
    public static let definition: QuestionnaireDefinition = {
        do {
            return try QuestionnaireDefinition.parse(Data(json.utf8))
        } catch {
            preconditionFailure("the built-in career profile is invalid: \(error)")
        }
    }()

    /// The definition as written into a data folder.
    public static let json = #"""
{
  "format": "fieldbook-questionnaire",
  "sections": [
    {
      "id": "work-goals",
      "questions": [
        {
          "help": "In the person's own words, e.g. \"cook in a small restaurant\".",
          "id": "job-goal",
          "prompt": "What job would you like to have now?",
          "summary": "job-goal",
          "type": "short-text"
        },
        {
          "id": "ideal-job",
          "prompt": "If you could have any job at all, what would it be?",
          "type": "long-text"
        },
        {
          "help": "What working would change for you: money, routine, people, pride...",
          "id": "why-work-now",
          "prompt": "Why do you want to work now?",
          "type": "long-text"
        },
        {
          "id": "work-hopes",
          "options": [
            {
              "id": "money",
              "label": "More money"
            },
            {
              "id": "routine",
              "label": "A daily routine"
            },
            {
              "id": "people",
              "label": "Being with other people"
            },
            {
              "id": "skills",
              "label": "Learning new skills"
            },
            {
              "id": "pride",
              "label": "Feeling proud of myself"
            },
            {
              "id": "independence",
              "label": "Being more independent"
            },
            {
              "id": "career",
              "label": "Starting a career"
            },
            {
              "id": "other",
              "label": "Something else"
            }
          ],
          "prompt": "What do you hope a job will bring you?",
          "type": "multiple-choice"
        },
        {
          "id": "short-term-goal",
          "prompt": "What would you like to have done in the next six months?",
          "type": "long-text"
        },
        {
          "id": "long-term-goal",
          "prompt": "Where would you like to be in your work life in a few years?",
          "type": "long-text"
        },
        {
          "help": "1 = just an idea, 5 = I know this is what I want.",
          "id": "goal-confidence",
          "prompt": "How sure are you about this goal?",
          "type": "scale-1-5"
        },
        {
          "id": "worries-about-working",
          "prompt": "Is anything worrying you about going to work?",
          "type": "long-text"
        },
        {
          "id": "earlier-tries",
          "prompt": "Have you tried to find work before?",
          "type": "yes-no"
        },
        {
          "id": "earlier-tries-story",
          "prompt": "What happened when you looked for work before?",
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "earlier-tries"
          },
          "type": "long-text"
        },
        {
          "id": "start-when",
          "options": [
            {
              "id": "now",
              "label": "As soon as possible"
            },
            {
              "id": "month",
              "label": "Within a month"
            },
            {
              "id": "few-months",
              "label": "In a few months"
            },
            {
              "id": "not-sure",
              "label": "Not sure yet"
            }
          ],
          "prompt": "When would you like to start working?",
          "type": "single-choice"
        },
        {
          "id": "school-instead",
          "prompt": "Would you rather go back to school or training first?",
          "type": "yes-no"
        }
      ],
      "title": "Work goals"
    },
    {
      "id": "education",
      "questions": [
        {
          "id": "highest-schooling",
          "options": [
            {
              "id": "primary",
              "label": "Primary school"
            },
            {
              "id": "some-high",
              "label": "Some high school"
            },
            {
              "id": "high-school",
              "label": "High school diploma"
            },
            {
              "id": "ged",
              "label": "High school equivalency (GED or similar)"
            },
            {
              "id": "some-college",
              "label": "Some college"
            },
            {
              "id": "associate",
              "label": "Associate degree"
            },
            {
              "id": "bachelor",
              "label": "Bachelor's degree"
            },
            {
              "id": "graduate",
              "label": "Graduate degree"
            },
            {
              "id": "other",
              "label": "Other"
            }
          ],
          "prompt": "What is the highest level of school you finished?",
          "type": "single-choice"
        },
        {
          "id": "school-name",
          "prompt": "Where did you last go to school?",
          "type": "short-text"
        },
        {
          "help": "An approximate date is fine.",
          "id": "school-last-year",
          "prompt": "When did you last go to school?",
          "type": "date"
        },
        {
          "id": "favourite-subjects",
          "prompt": "Which subjects did you like or do well in?",
          "type": "long-text"
        },
        {
          "id": "hard-subjects",
          "prompt": "Which subjects were hard for you?",
          "type": "long-text"
        },
        {
          "id": "special-help-at-school",
          "prompt": "Did you get extra help at school (special classes, a tutor)?",
          "type": "yes-no"
        },
        {
          "id": "has-certificates",
          "prompt": "Do you have any certificates from courses or training?",
          "type": "yes-no"
        },
        {
          "id": "certificates",
          "prompt": "Which certificates, and when did you get them?",
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "has-certificates"
          },
          "type": "long-text"
        },
        {
          "id": "has-licences",
          "prompt": "Do you have a work licence (food handler, forklift, security, nursing aide...)?",
          "type": "yes-no"
        },
        {
          "id": "licences",
          "prompt": "Which licences, and are they still valid?",
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "has-licences"
          },
          "type": "long-text"
        },
        {
          "id": "trade-training",
          "prompt": "Have you done an apprenticeship or trade training?",
          "type": "yes-no"
        },
        {
          "id": "trade-training-detail",
          "prompt": "What trade, and how far did you get?",
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "trade-training"
          },
          "type": "short-text"
        },
        {
          "id": "military",
          "prompt": "Have you served in the military?",
          "type": "yes-no"
        },
        {
          "id": "military-detail",
          "prompt": "What did you do in the service, and what skills did you learn?",
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "military"
          },
          "type": "long-text"
        },
        {
          "id": "military-discharge",
          "options": [
            {
              "id": "honorable",
              "label": "Honorable"
            },
            {
              "id": "general",
              "label": "General"
            },
            {
              "id": "other-than-honorable",
              "label": "Other than honorable"
            },
            {
              "id": "not-say",
              "label": "Prefer not to say"
            }
          ],
          "prompt": "What type of discharge did you receive?",
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "military"
          },
          "type": "single-choice"
        },
        {
          "help": "1 = not at all, 5 = very comfortable.",
          "id": "computer-skills",
          "prompt": "How comfortable are you using a computer or smartphone?",
          "type": "scale-1-5"
        },
        {
          "id": "languages",
          "prompt": "Which languages do you speak, read or write?",
          "type": "short-text"
        },
        {
          "id": "wants-more-school",
          "prompt": "Would you like more school or training?",
          "type": "yes-no"
        },
        {
          "id": "more-school-what",
          "prompt": "What would you like to study or learn?",
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "wants-more-school"
          },
          "type": "long-text"
        }
      ],
      "title": "Education and training"
    },
    {
      "id": "work-history",
      "questions": [
        {
          "id": "ever-worked",
          "prompt": "Have you ever had a paid job?",
          "type": "yes-no"
        },
        {
          "help": "One entry per job, starting with the most recent.",
          "id": "past-jobs",
          "prompt": "Past jobs",
          "questions": [
            {
              "id": "employer",
              "prompt": "Employer",
              "type": "short-text"
            },
            {
              "id": "title",
              "prompt": "Job title",
              "type": "short-text"
            },
            {
              "id": "start",
              "prompt": "Started",
              "type": "date"
            },
            {
              "id": "end",
              "prompt": "Ended",
              "type": "date"
            },
            {
              "id": "duties",
              "prompt": "What did you do there?",
              "type": "long-text"
            },
            {
              "id": "hours",
              "prompt": "Hours a week",
              "type": "number"
            },
            {
              "id": "pay",
              "prompt": "Pay per hour",
              "type": "number"
            },
            {
              "id": "liked",
              "prompt": "What did you like about it?",
              "type": "long-text"
            },
            {
              "id": "disliked",
              "prompt": "What did you not like?",
              "type": "long-text"
            },
            {
              "id": "why-ended",
              "options": [
                {
                  "id": "quit",
                  "label": "I quit"
                },
                {
                  "id": "fired",
                  "label": "I was let go"
                },
                {
                  "id": "laid-off",
                  "label": "Laid off"
                },
                {
                  "id": "temporary",
                  "label": "It was temporary or seasonal"
                },
                {
                  "id": "health",
                  "label": "Health reasons"
                },
                {
                  "id": "moved",
                  "label": "I moved"
                },
                {
                  "id": "still",
                  "label": "I still work there"
                },
                {
                  "id": "other",
                  "label": "Other"
                }
              ],
              "prompt": "Why did the job end?",
              "type": "single-choice"
            },
            {
              "id": "why-ended-detail",
              "prompt": "Tell me more about how it ended",
              "type": "long-text"
            },
            {
              "id": "reference",
              "prompt": "Could someone there give you a reference?",
              "type": "yes-no"
            },
            {
              "id": "reference-name",
              "prompt": "Who, and how can they be reached?",
              "showIf": {
                "oneOf": [
                  "yes"
                ],
                "question": "reference"
              },
              "type": "short-text"
            }
          ],
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "ever-worked"
          },
          "type": "repeating"
        },
        {
          "id": "longest-job",
          "prompt": "Which job did you keep the longest, and what helped you stay?",
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "ever-worked"
          },
          "type": "long-text"
        },
        {
          "id": "best-job",
          "prompt": "Which job did you like the most, and why?",
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "ever-worked"
          },
          "type": "long-text"
        },
        {
          "id": "volunteer-work",
          "prompt": "Have you done volunteer or unpaid work?",
          "type": "yes-no"
        },
        {
          "id": "volunteer-detail",
          "prompt": "Where, and what did you do?",
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "volunteer-work"
          },
          "type": "long-text"
        },
        {
          "id": "cash-jobs",
          "prompt": "Have you done odd jobs or work for cash (babysitting, yard work, moving)?",
          "type": "yes-no"
        },
        {
          "id": "cash-jobs-detail",
          "prompt": "What kind of odd jobs?",
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "cash-jobs"
          },
          "type": "long-text"
        },
        {
          "id": "time-since-work",
          "options": [
            {
              "id": "working",
              "label": "I work now"
            },
            {
              "id": "under-6m",
              "label": "Less than 6 months"
            },
            {
              "id": "6-12m",
              "label": "6 to 12 months"
            },
            {
              "id": "1-3y",
              "label": "1 to 3 years"
            },
            {
              "id": "over-3y",
              "label": "More than 3 years"
            },
            {
              "id": "never",
              "label": "Never worked"
            }
          ],
          "prompt": "How long has it been since your last job?",
          "type": "single-choice"
        },
        {
          "id": "work-gaps",
          "prompt": "Are there gaps in your work history you would like help explaining?",
          "type": "yes-no"
        },
        {
          "id": "work-gaps-detail",
          "prompt": "What would you like to say about those gaps?",
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "work-gaps"
          },
          "type": "long-text"
        },
        {
          "id": "has-resume",
          "prompt": "Do you have a résumé?",
          "type": "yes-no"
        },
        {
          "id": "resume-up-to-date",
          "prompt": "Is it up to date?",
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "has-resume"
          },
          "type": "yes-no"
        }
      ],
      "title": "Work history"
    },
    {
      "id": "job-preferences",
      "questions": [
        {
          "help": "Choose all that interest the person.",
          "id": "work-types",
          "options": [
            {
              "businessTypes": [
                "Restaurant",
                "Café",
                "Coffee shop",
                "Bakery",
                "Fast food",
                "Catering"
              ],
              "id": "food",
              "label": "Food and restaurants"
            },
            {
              "businessTypes": [
                "Retail",
                "Grocery store",
                "Thrift store",
                "Hardware store",
                "Bookshop",
                "Pet store",
                "Pharmacy",
                "Office supplies",
                "Garden centre"
              ],
              "id": "retail",
              "label": "Shops and retail"
            },
            {
              "businessTypes": [
                "Cleaning services",
                "Hotel",
                "Laundry"
              ],
              "id": "cleaning",
              "label": "Cleaning and housekeeping"
            },
            {
              "businessTypes": [
                "Warehouse",
                "Moving company",
                "Delivery",
                "Printing"
              ],
              "id": "warehouse",
              "label": "Warehouse, stocking and delivery"
            },
            {
              "businessTypes": [
                "Landscaping",
                "Garden centre",
                "Golf club",
                "Zoo",
                "Pet store",
                "Farm"
              ],
              "id": "outdoors",
              "label": "Outdoors, gardens and animals"
            },
            {
              "businessTypes": [
                "Elder care",
                "Child care",
                "Hospital",
                "Dental office"
              ],
              "id": "care",
              "label": "Caring for people"
            },
            {
              "businessTypes": [
                "Call centre",
                "Office",
                "Non-profit",
                "Local government",
                "Library"
              ],
              "id": "office",
              "label": "Office and customer service"
            },
            {
              "businessTypes": [
                "Auto repair",
                "Electronics repair",
                "Construction",
                "Car wash",
                "Tailor"
              ],
              "id": "trades",
              "label": "Building, repair and trades"
            },
            {
              "businessTypes": [
                "Public transit",
                "Moving company",
                "Delivery"
              ],
              "id": "transport",
              "label": "Driving and transport"
            },
            {
              "businessTypes": [
                "Security"
              ],
              "id": "security",
              "label": "Security"
            },
            {
              "businessTypes": [
                "College",
                "Library",
                "School"
              ],
              "id": "education",
              "label": "Schools and libraries"
            },
            {
              "businessTypes": [
                "Gym",
                "Golf club"
              ],
              "id": "fitness",
              "label": "Fitness and recreation"
            },
            {
              "id": "other",
              "label": "Something else"
            }
          ],
          "prompt": "What kinds of work interest you?",
          "summary": "preferred-work-types",
          "type": "multiple-choice"
        },
        {
          "help": "Separate several with commas.",
          "id": "work-types-other",
          "prompt": "Any other types of work or businesses you would like?",
          "summary": "other-work-types",
          "type": "short-text"
        },
        {
          "id": "jobs-to-avoid",
          "prompt": "Are there kinds of work you do not want to do?",
          "type": "long-text"
        },
        {
          "id": "hours-per-week",
          "options": [
            {
              "id": "under-10",
              "label": "Fewer than 10"
            },
            {
              "id": "10-20",
              "label": "10 to 20"
            },
            {
              "id": "20-30",
              "label": "20 to 30"
            },
            {
              "id": "30-40",
              "label": "30 to 40"
            },
            {
              "id": "full-time",
              "label": "Full time, 40 or more"
            },
            {
              "id": "not-sure",
              "label": "Not sure yet"
            }
          ],
          "prompt": "How many hours a week would you like to work?",
          "summary": "preferred-hours",
          "type": "single-choice"
        },
        {
          "id": "hours-reason",
          "prompt": "Is there a reason for that number of hours (benefits, energy, family)?",
          "type": "long-text"
        },
        {
          "id": "shifts",
          "options": [
            {
              "id": "mornings",
              "label": "Mornings"
            },
            {
              "id": "afternoons",
              "label": "Afternoons"
            },
            {
              "id": "evenings",
              "label": "Evenings"
            },
            {
              "id": "nights",
              "label": "Nights"
            },
            {
              "id": "any",
              "label": "Any time"
            }
          ],
          "prompt": "Which times of day can you work?",
          "type": "multiple-choice"
        },
        {
          "id": "days",
          "options": [
            {
              "id": "weekdays",
              "label": "Weekdays"
            },
            {
              "id": "saturday",
              "label": "Saturdays"
            },
            {
              "id": "sunday",
              "label": "Sundays"
            }
          ],
          "prompt": "Which days can you work?",
          "type": "multiple-choice"
        },
        {
          "id": "times-not-available",
          "prompt": "Are there times you cannot work (appointments, school, children)?",
          "type": "long-text"
        },
        {
          "id": "pay-needed",
          "prompt": "What is the least pay per hour you would accept?",
          "type": "number"
        },
        {
          "id": "pay-hoped",
          "prompt": "What pay per hour would you hope for?",
          "type": "number"
        },
        {
          "id": "benefits-wanted",
          "prompt": "Do you want a job with health insurance or other benefits?",
          "type": "yes-no"
        },
        {
          "id": "work-area",
          "prompt": "Where would you like to work (neighbourhood, town, near a bus line)?",
          "summary": "preferred-places",
          "type": "short-text"
        },
        {
          "id": "travel-time",
          "options": [
            {
              "id": "15",
              "label": "Up to 15 minutes"
            },
            {
              "id": "30",
              "label": "Up to 30 minutes"
            },
            {
              "id": "45",
              "label": "Up to 45 minutes"
            },
            {
              "id": "60",
              "label": "Up to an hour"
            },
            {
              "id": "more",
              "label": "More than an hour is fine"
            }
          ],
          "prompt": "How long are you willing to travel to work, one way?",
          "type": "single-choice"
        },
        {
          "id": "indoors-outdoors",
          "options": [
            {
              "id": "indoors",
              "label": "Indoors"
            },
            {
              "id": "outdoors",
              "label": "Outdoors"
            },
            {
              "id": "both",
              "label": "A mix"
            },
            {
              "id": "no-preference",
              "label": "No preference"
            }
          ],
          "prompt": "Would you rather work indoors or outdoors?",
          "type": "single-choice"
        },
        {
          "id": "setting-size",
          "options": [
            {
              "id": "small",
              "label": "Small, a few people"
            },
            {
              "id": "medium",
              "label": "Medium"
            },
            {
              "id": "large",
              "label": "Large"
            },
            {
              "id": "no-preference",
              "label": "No preference"
            }
          ],
          "prompt": "What size of workplace would suit you?",
          "type": "single-choice"
        },
        {
          "id": "alone-or-people",
          "options": [
            {
              "id": "alone",
              "label": "Mostly alone"
            },
            {
              "id": "some",
              "label": "Some of each"
            },
            {
              "id": "people",
              "label": "With people most of the time"
            }
          ],
          "prompt": "Would you rather work mostly alone or with other people?",
          "type": "single-choice"
        },
        {
          "help": "1 = would rather not, 5 = would love it.",
          "id": "public-contact",
          "prompt": "How do you feel about working with customers or the public?",
          "type": "scale-1-5"
        },
        {
          "id": "pace",
          "options": [
            {
              "id": "slow",
              "label": "Slow and steady"
            },
            {
              "id": "moderate",
              "label": "Moderate"
            },
            {
              "id": "fast",
              "label": "Fast and busy"
            },
            {
              "id": "varied",
              "label": "Varied"
            }
          ],
          "prompt": "What pace of work suits you?",
          "type": "single-choice"
        },
        {
          "help": "1 = hard for me, 5 = no problem.",
          "id": "noise",
          "prompt": "How do you feel about a noisy or crowded workplace?",
          "type": "scale-1-5"
        },
        {
          "id": "physical-work",
          "options": [
            {
              "id": "little",
              "label": "Mostly sitting"
            },
            {
              "id": "some",
              "label": "Some moving around"
            },
            {
              "id": "a-lot",
              "label": "Active, on my feet"
            }
          ],
          "prompt": "How much physical work would you like (standing, lifting, walking)?",
          "type": "single-choice"
        },
        {
          "id": "supervision",
          "prompt": "What kind of supervisor works best for you?",
          "type": "long-text"
        },
        {
          "id": "dress-code",
          "prompt": "Is there anything you would not wear for work (uniform, hair net, safety boots)?",
          "type": "short-text"
        },
        {
          "id": "temporary-ok",
          "prompt": "Would you take a temporary or seasonal job?",
          "type": "yes-no"
        }
      ],
      "title": "Job preferences"
    },
    {
      "id": "strengths",
      "questions": [
        {
          "id": "good-at",
          "prompt": "What are you good at?",
          "type": "long-text"
        },
        {
          "id": "praised-for",
          "prompt": "What do other people say you do well?",
          "type": "long-text"
        },
        {
          "id": "hobbies",
          "prompt": "What do you like to do in your free time?",
          "type": "long-text"
        },
        {
          "id": "interests",
          "prompt": "What topics or activities interest you the most?",
          "type": "long-text"
        },
        {
          "id": "values",
          "options": [
            {
              "id": "pay",
              "label": "Good pay"
            },
            {
              "id": "kind-people",
              "label": "Kind co-workers"
            },
            {
              "id": "helping",
              "label": "Helping others"
            },
            {
              "id": "learning",
              "label": "Learning"
            },
            {
              "id": "steady",
              "label": "A steady schedule"
            },
            {
              "id": "flexible",
              "label": "Flexible hours"
            },
            {
              "id": "close",
              "label": "Close to home"
            },
            {
              "id": "respect",
              "label": "Being respected"
            }
          ],
          "prompt": "What matters most to you in a job?",
          "type": "multiple-choice"
        },
        {
          "id": "skills-hands",
          "prompt": "Do you like working with your hands (fixing, building, cooking)?",
          "type": "yes-no"
        },
        {
          "id": "skills-numbers",
          "prompt": "Are you comfortable with numbers, money or counting?",
          "type": "scale-1-5"
        },
        {
          "id": "skills-reading",
          "prompt": "How comfortable are you reading instructions or forms?",
          "type": "scale-1-5"
        },
        {
          "id": "skills-writing",
          "prompt": "How comfortable are you writing notes or emails?",
          "type": "scale-1-5"
        },
        {
          "id": "skills-talking",
          "prompt": "How comfortable are you talking with strangers?",
          "type": "scale-1-5"
        },
        {
          "id": "skills-tools",
          "prompt": "Which tools, machines or software can you use?",
          "type": "long-text"
        },
        {
          "id": "proud-of",
          "prompt": "Tell me about something you are proud of.",
          "type": "long-text"
        },
        {
          "id": "learn-best",
          "options": [
            {
              "id": "shown",
              "label": "Someone shows me"
            },
            {
              "id": "reading",
              "label": "Reading instructions"
            },
            {
              "id": "trying",
              "label": "Trying it myself"
            },
            {
              "id": "mix",
              "label": "A mix"
            }
          ],
          "prompt": "How do you learn a new task best?",
          "type": "single-choice"
        },
        {
          "id": "personal-qualities",
          "options": [
            {
              "id": "reliable",
              "label": "Reliable"
            },
            {
              "id": "friendly",
              "label": "Friendly"
            },
            {
              "id": "careful",
              "label": "Careful"
            },
            {
              "id": "hard-working",
              "label": "Hard-working"
            },
            {
              "id": "creative",
              "label": "Creative"
            },
            {
              "id": "calm",
              "label": "Calm"
            },
            {
              "id": "quick",
              "label": "Quick"
            },
            {
              "id": "organised",
              "label": "Organised"
            }
          ],
          "prompt": "Which words describe you at work?",
          "type": "multiple-choice"
        },
        {
          "id": "routine-or-variety",
          "options": [
            {
              "id": "routine",
              "label": "Same routine"
            },
            {
              "id": "variety",
              "label": "Variety"
            },
            {
              "id": "both",
              "label": "Some of both"
            }
          ],
          "prompt": "Do you like the same routine every day, or variety?",
          "type": "single-choice"
        }
      ],
      "title": "Strengths, skills and interests"
    },
    {
      "id": "current-adjustment",
      "questions": [
        {
          "help": "1 = very hard time, 5 = very well.",
          "id": "wellbeing-now",
          "prompt": "How are you feeling these days, overall?",
          "type": "scale-1-5"
        },
        {
          "id": "symptoms-affect-work",
          "prompt": "Are there symptoms or experiences that could affect work?",
          "sensitive": true,
          "type": "yes-no"
        },
        {
          "id": "symptoms-detail",
          "prompt": "How might they show up at work?",
          "sensitive": true,
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "symptoms-affect-work"
          },
          "type": "long-text"
        },
        {
          "id": "early-signs",
          "prompt": "What are the early signs that you are not doing well?",
          "sensitive": true,
          "type": "long-text"
        },
        {
          "id": "coping",
          "prompt": "What helps you cope on a hard day?",
          "type": "long-text"
        },
        {
          "id": "stress-at-work",
          "prompt": "What kinds of situations at work feel stressful to you?",
          "type": "long-text"
        },
        {
          "id": "takes-medication",
          "prompt": "Do you take medication that could matter for work?",
          "sensitive": true,
          "type": "yes-no"
        },
        {
          "id": "medication-side-effects",
          "prompt": "Do side effects affect you (sleepy in the morning, thirsty, shaky)?",
          "sensitive": true,
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "takes-medication"
          },
          "type": "long-text"
        },
        {
          "id": "best-time-of-day",
          "options": [
            {
              "id": "morning",
              "label": "Morning"
            },
            {
              "id": "midday",
              "label": "Midday"
            },
            {
              "id": "afternoon",
              "label": "Afternoon"
            },
            {
              "id": "evening",
              "label": "Evening"
            },
            {
              "id": "varies",
              "label": "It varies"
            }
          ],
          "prompt": "What time of day do you feel at your best?",
          "type": "single-choice"
        },
        {
          "id": "concentration",
          "options": [
            {
              "id": "under-15",
              "label": "Less than 15 minutes"
            },
            {
              "id": "15-60",
              "label": "15 minutes to an hour"
            },
            {
              "id": "1-2h",
              "label": "1 to 2 hours"
            },
            {
              "id": "longer",
              "label": "Longer"
            }
          ],
          "prompt": "How long can you usually focus on one task?",
          "type": "single-choice"
        },
        {
          "id": "memory-help",
          "prompt": "Do you use anything to help you remember (lists, phone alarms)?",
          "type": "short-text"
        },
        {
          "help": "1 = very poor, 5 = very good.",
          "id": "sleep",
          "prompt": "How is your sleep?",
          "type": "scale-1-5"
        },
        {
          "id": "hospital-recent",
          "prompt": "Have you been in hospital for your mental health in the last year?",
          "sensitive": true,
          "type": "yes-no"
        },
        {
          "id": "workplace-supports",
          "prompt": "What could an employer do that would help you do well?",
          "type": "long-text"
        },
        {
          "id": "crisis-plan",
          "prompt": "Is there a plan for what to do if you have a hard time at work?",
          "type": "yes-no"
        },
        {
          "id": "crisis-plan-detail",
          "prompt": "What is in that plan, and who should be called?",
          "sensitive": true,
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "crisis-plan"
          },
          "type": "long-text"
        }
      ],
      "title": "Current adjustment"
    },
    {
      "id": "physical-health",
      "questions": [
        {
          "id": "health-limits",
          "prompt": "Do you have any health conditions that could matter for work?",
          "sensitive": true,
          "type": "yes-no"
        },
        {
          "id": "health-limits-detail",
          "prompt": "What are they, and how do they affect work?",
          "sensitive": true,
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "health-limits"
          },
          "type": "long-text"
        },
        {
          "id": "lifting",
          "options": [
            {
              "id": "none",
              "label": "Not at all"
            },
            {
              "id": "light",
              "label": "Light things only"
            },
            {
              "id": "medium",
              "label": "Up to about 20 kg / 50 lb"
            },
            {
              "id": "heavy",
              "label": "Heavy things"
            }
          ],
          "prompt": "Can you lift and carry things at work?",
          "sensitive": true,
          "type": "single-choice"
        },
        {
          "id": "standing",
          "options": [
            {
              "id": "short",
              "label": "Less than an hour"
            },
            {
              "id": "half-day",
              "label": "Up to half a day"
            },
            {
              "id": "full-day",
              "label": "A full day"
            }
          ],
          "prompt": "How long can you stand or walk at a time?",
          "sensitive": true,
          "type": "single-choice"
        },
        {
          "id": "sitting",
          "prompt": "Is sitting for a long time a problem?",
          "sensitive": true,
          "type": "yes-no"
        },
        {
          "id": "hearing-vision",
          "prompt": "Do you have any hearing or vision needs at work?",
          "sensitive": true,
          "type": "short-text"
        },
        {
          "id": "allergies",
          "prompt": "Are there allergies or things you must avoid at work (dust, latex, chemicals)?",
          "sensitive": true,
          "type": "short-text"
        },
        {
          "id": "energy",
          "prompt": "How is your energy through a working day?",
          "sensitive": true,
          "type": "scale-1-5"
        },
        {
          "id": "health-appointments",
          "prompt": "Do you have regular health appointments that a schedule must fit around?",
          "sensitive": true,
          "type": "yes-no"
        },
        {
          "id": "health-appointments-when",
          "prompt": "When are they?",
          "sensitive": true,
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "health-appointments"
          },
          "type": "short-text"
        },
        {
          "id": "physical-accommodations",
          "prompt": "Would any equipment or changes at work help you?",
          "sensitive": true,
          "type": "long-text"
        }
      ],
      "title": "Physical health"
    },
    {
      "id": "substance-use",
      "questions": [
        {
          "id": "substance-affects-work",
          "prompt": "Has alcohol or drug use ever affected your work?",
          "type": "yes-no"
        },
        {
          "id": "substance-how",
          "prompt": "How did it affect your work?",
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "substance-affects-work"
          },
          "type": "long-text"
        },
        {
          "id": "substance-current",
          "prompt": "Is alcohol or drug use something you are dealing with now?",
          "type": "yes-no"
        },
        {
          "id": "substance-support",
          "prompt": "Are you getting any support or treatment for it?",
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "substance-current"
          },
          "type": "yes-no"
        },
        {
          "id": "substance-triggers",
          "prompt": "Are there work situations you want to avoid (bars, shifts after payday, places where people use)?",
          "type": "long-text"
        },
        {
          "id": "drug-test-concern",
          "prompt": "Would a drug test be a concern for you?",
          "type": "yes-no"
        },
        {
          "id": "substance-jobs-avoid",
          "prompt": "Are there jobs you would rather stay away from because of this?",
          "type": "long-text"
        },
        {
          "id": "substance-recovery-supports",
          "prompt": "What helps you stay well (meetings, sponsor, routine)?",
          "type": "long-text"
        },
        {
          "help": "Substance use information needs the person's written consent before it is shared.",
          "id": "substance-share",
          "prompt": "What, if anything, may be shared with the team about this?",
          "type": "long-text"
        }
      ],
      "sensitive": true,
      "title": "Substance use"
    },
    {
      "id": "legal-history",
      "questions": [
        {
          "id": "convictions",
          "prompt": "Have you been convicted of a crime?",
          "sensitive": true,
          "type": "yes-no"
        },
        {
          "id": "conviction-kind",
          "prompt": "What kind of conviction (misdemeanour or felony), and when?",
          "sensitive": true,
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "convictions"
          },
          "type": "long-text"
        },
        {
          "id": "pending-charges",
          "prompt": "Do you have any charges pending now?",
          "sensitive": true,
          "type": "yes-no"
        },
        {
          "id": "probation-parole",
          "options": [
            {
              "id": "no",
              "label": "No"
            },
            {
              "id": "probation",
              "label": "Probation"
            },
            {
              "id": "parole",
              "label": "Parole"
            }
          ],
          "prompt": "Are you on probation or parole?",
          "sensitive": true,
          "type": "single-choice"
        },
        {
          "id": "officer-contact",
          "prompt": "May we talk with your probation or parole officer?",
          "sensitive": true,
          "showIf": {
            "oneOf": [
              "probation",
              "parole"
            ],
            "question": "probation-parole"
          },
          "type": "yes-no"
        },
        {
          "id": "legal-conditions",
          "prompt": "Are there conditions that limit work (curfew, places, travel, working with children)?",
          "sensitive": true,
          "type": "long-text"
        },
        {
          "id": "record-sealed",
          "prompt": "Has any part of your record been sealed or expunged?",
          "sensitive": true,
          "type": "yes-no"
        },
        {
          "id": "background-check-concern",
          "prompt": "Would a background check worry you?",
          "sensitive": true,
          "type": "yes-no"
        },
        {
          "id": "explain-to-employers",
          "prompt": "How would you like to explain your record to an employer?",
          "sensitive": true,
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "convictions"
          },
          "type": "long-text"
        },
        {
          "id": "court-dates",
          "prompt": "Do you have court dates or appointments coming up?",
          "sensitive": true,
          "type": "short-text"
        }
      ],
      "title": "Legal history"
    },
    {
      "id": "benefits",
      "questions": [
        {
          "id": "benefits-received",
          "options": [
            {
              "id": "ssi",
              "label": "SSI"
            },
            {
              "id": "ssdi",
              "label": "SSDI"
            },
            {
              "id": "medicaid",
              "label": "Medicaid"
            },
            {
              "id": "medicare",
              "label": "Medicare"
            },
            {
              "id": "housing",
              "label": "Housing assistance"
            },
            {
              "id": "snap",
              "label": "SNAP (food)"
            },
            {
              "id": "va",
              "label": "VA benefits"
            },
            {
              "id": "tanf",
              "label": "TANF"
            },
            {
              "id": "unemployment",
              "label": "Unemployment"
            },
            {
              "id": "other",
              "label": "Other"
            },
            {
              "id": "none",
              "label": "None"
            }
          ],
          "prompt": "Which benefits do you receive now?",
          "sensitive": true,
          "type": "multiple-choice"
        },
        {
          "id": "benefits-amount",
          "prompt": "About how much do you receive each month in total?",
          "sensitive": true,
          "type": "number"
        },
        {
          "id": "benefits-worry",
          "prompt": "Are you worried that working will change your benefits?",
          "sensitive": true,
          "type": "yes-no"
        },
        {
          "id": "benefits-worry-detail",
          "prompt": "What worries you most?",
          "sensitive": true,
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "benefits-worry"
          },
          "type": "long-text"
        },
        {
          "id": "benefits-planning-done",
          "prompt": "Have you met with a benefits planner?",
          "sensitive": true,
          "type": "yes-no"
        },
        {
          "id": "benefits-planning-date",
          "prompt": "When was the benefits plan made?",
          "sensitive": true,
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "benefits-planning-done"
          },
          "type": "date"
        },
        {
          "id": "benefits-planning-wanted",
          "prompt": "Would you like a benefits planning meeting?",
          "sensitive": true,
          "showIf": {
            "oneOf": [
              "no"
            ],
            "question": "benefits-planning-done"
          },
          "type": "yes-no"
        },
        {
          "id": "representative-payee",
          "prompt": "Does someone manage your money for you (a representative payee)?",
          "sensitive": true,
          "type": "yes-no"
        },
        {
          "id": "earnings-reporting",
          "prompt": "Do you know how to report earnings to the benefits office?",
          "sensitive": true,
          "type": "yes-no"
        },
        {
          "id": "health-insurance",
          "prompt": "How do you get health care now?",
          "sensitive": true,
          "type": "short-text"
        },
        {
          "id": "debts",
          "prompt": "Are there debts or money problems that affect how much you need to earn?",
          "sensitive": true,
          "type": "long-text"
        }
      ],
      "title": "Benefits"
    },
    {
      "id": "transportation",
      "questions": [
        {
          "id": "driving-licence",
          "prompt": "Do you have a driving licence?",
          "type": "yes-no"
        },
        {
          "id": "licence-valid",
          "prompt": "Is it valid now?",
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "driving-licence"
          },
          "type": "yes-no"
        },
        {
          "id": "has-car",
          "prompt": "Do you have a car you can use for work?",
          "type": "yes-no"
        },
        {
          "id": "uses-transit",
          "prompt": "Do you use buses or trains?",
          "type": "yes-no"
        },
        {
          "id": "transit-pass",
          "prompt": "Do you have a bus or train pass?",
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "uses-transit"
          },
          "type": "yes-no"
        },
        {
          "id": "has-bike",
          "prompt": "Do you have a bike you could ride to work?",
          "type": "yes-no"
        },
        {
          "id": "rides",
          "prompt": "Could family or friends give you rides to work?",
          "type": "yes-no"
        },
        {
          "id": "travel-help",
          "prompt": "Would you like help learning a new route to work?",
          "type": "yes-no"
        },
        {
          "id": "transport-problems",
          "prompt": "Has getting to work been a problem before?",
          "type": "long-text"
        },
        {
          "id": "main-way",
          "options": [
            {
              "id": "car",
              "label": "Drive"
            },
            {
              "id": "transit",
              "label": "Bus or train"
            },
            {
              "id": "bike",
              "label": "Bike"
            },
            {
              "id": "walk",
              "label": "Walk"
            },
            {
              "id": "ride",
              "label": "Someone drives me"
            },
            {
              "id": "not-sure",
              "label": "Not sure"
            }
          ],
          "prompt": "How would you most likely get to work?",
          "type": "single-choice"
        }
      ],
      "title": "Transportation"
    },
    {
      "id": "disclosure",
      "questions": [
        {
          "help": "This is the person's choice, and it can change at any time.",
          "id": "disclosure-choice",
          "options": [
            {
              "id": "disclose",
              "label": "Yes"
            },
            {
              "id": "limited",
              "label": "Yes, but only some things"
            },
            {
              "id": "do-not-disclose",
              "label": "No"
            },
            {
              "id": "undecided",
              "label": "Not decided yet"
            }
          ],
          "prompt": "May your employment specialist tell employers that you have a mental health condition?",
          "summary": "disclosure",
          "type": "single-choice"
        },
        {
          "help": "In the person's words, e.g. \"I get help from an agency to find work\".",
          "id": "disclosure-what",
          "prompt": "What may be said to an employer?",
          "showIf": {
            "oneOf": [
              "disclose",
              "limited"
            ],
            "question": "disclosure-choice"
          },
          "summary": "disclosure-detail",
          "type": "long-text"
        },
        {
          "id": "disclosure-not-say",
          "prompt": "What must never be said?",
          "type": "long-text"
        },
        {
          "id": "disclosure-pros",
          "prompt": "What might be good about telling an employer?",
          "type": "long-text"
        },
        {
          "id": "disclosure-cons",
          "prompt": "What might be hard about telling an employer?",
          "type": "long-text"
        },
        {
          "id": "disclosed-before",
          "prompt": "Have you told an employer about your condition before?",
          "type": "yes-no"
        },
        {
          "id": "disclosed-before-how",
          "prompt": "How did that go?",
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "disclosed-before"
          },
          "type": "long-text"
        },
        {
          "id": "specialist-visit-ok",
          "prompt": "May your specialist visit or call you at work?",
          "type": "yes-no"
        },
        {
          "id": "accommodations-request",
          "prompt": "Would you like to ask an employer for changes at work (accommodations)?",
          "type": "yes-no"
        },
        {
          "id": "references-from-agency",
          "prompt": "May the specialist contact employers on your behalf?",
          "type": "yes-no"
        }
      ],
      "title": "Disclosure"
    },
    {
      "id": "support-network",
      "questions": [
        {
          "id": "who-supports",
          "prompt": "Who supports you in your life?",
          "type": "long-text"
        },
        {
          "id": "family-views",
          "prompt": "What do your family think about you working?",
          "type": "long-text"
        },
        {
          "id": "family-involved",
          "prompt": "Would you like family or friends to be part of your job search?",
          "type": "yes-no"
        },
        {
          "id": "family-who",
          "prompt": "Who, and how can they help?",
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "family-involved"
          },
          "type": "long-text"
        },
        {
          "id": "job-leads",
          "prompt": "Does anyone you know work somewhere that might hire you?",
          "type": "long-text"
        },
        {
          "id": "lives-with",
          "prompt": "Who do you live with?",
          "type": "short-text"
        },
        {
          "id": "housing-stable",
          "prompt": "Is your housing steady for the next few months?",
          "type": "yes-no"
        },
        {
          "id": "childcare-needed",
          "prompt": "Do you need child care or care for someone else in order to work?",
          "type": "yes-no"
        },
        {
          "id": "childcare-plan",
          "prompt": "What is the plan for that care?",
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "childcare-needed"
          },
          "type": "long-text"
        },
        {
          "id": "peer-support",
          "prompt": "Do you go to any groups or have a peer supporter?",
          "type": "short-text"
        },
        {
          "id": "phone-access",
          "prompt": "Do you have a phone that employers can reach you on?",
          "type": "yes-no"
        },
        {
          "id": "email-access",
          "prompt": "Do you have an email address you check?",
          "type": "yes-no"
        },
        {
          "id": "faith-community",
          "prompt": "Are you part of a community (faith, culture, sports) that could help with job leads?",
          "type": "short-text"
        }
      ],
      "title": "Support network"
    },
    {
      "id": "team-plan",
      "questions": [
        {
          "help": "Ask the team; record the source as Treatment team.",
          "id": "clinician-view",
          "prompt": "What does the clinician or treatment team say about the person's work goals?",
          "type": "long-text"
        },
        {
          "id": "team-strengths",
          "prompt": "What strengths does the team see?",
          "type": "long-text"
        },
        {
          "id": "team-concerns",
          "prompt": "Does the team have concerns to plan around?",
          "type": "long-text"
        },
        {
          "id": "vr-involved",
          "prompt": "Is a vocational rehabilitation counsellor involved?",
          "type": "yes-no"
        },
        {
          "id": "vr-plan",
          "prompt": "What has been agreed with vocational rehabilitation?",
          "showIf": {
            "oneOf": [
              "yes"
            ],
            "question": "vr-involved"
          },
          "type": "long-text"
        },
        {
          "id": "supports-needed",
          "options": [
            {
              "id": "job-coaching",
              "label": "Coaching on the job"
            },
            {
              "id": "check-ins",
              "label": "Regular check-ins"
            },
            {
              "id": "travel-training",
              "label": "Travel training"
            },
            {
              "id": "benefits-help",
              "label": "Help with benefits"
            },
            {
              "id": "reminders",
              "label": "Reminders and schedules"
            },
            {
              "id": "employer-contact",
              "label": "Specialist in touch with the employer"
            },
            {
              "id": "family-support",
              "label": "Family support"
            }
          ],
          "prompt": "Which supports will likely help on the job?",
          "type": "multiple-choice"
        },
        {
          "id": "first-employers",
          "prompt": "Which employers should be approached first?",
          "type": "long-text"
        },
        {
          "id": "next-steps",
          "prompt": "What are the next steps, and who does each?",
          "type": "long-text"
        },
        {
          "id": "first-contact-date",
          "prompt": "When will the first employer contact happen?",
          "type": "date"
        },
        {
          "id": "plan-agreed",
          "prompt": "Has the person agreed with this plan?",
          "type": "yes-no"
        },
        {
          "id": "profile-review-date",
          "prompt": "When should this profile be reviewed next?",
          "type": "date"
        }
      ],
      "title": "Team input and plan"
    }
  ],
  "title": "Career profile",
  "version": 1
}

"""#
}
